import { requestOrigin } from "../utils/request-origin.server";
import { qrCode, type QrCode } from "./qr.server";

/**
 * The exercise's link at the address the educator (or the student) is using: the request's own
 * origin. Behind a proxy trusted by CLAIMDESK_TRUST_PROXY, the server builds the request URL from
 * the forwarded host and protocol; otherwise from the Host header and the socket. So a class
 * reaching the server at 192.168.1.20:3000 gets that address, never "localhost".
 */
export function shareLink(request: Request, code: string): string {
  return `${requestOrigin(request)}/x/${code}`;
}

/** The link and its QR code, for the educator's page and the printed handout. */
export function shareWithQr(request: Request, code: string): { url: string; qr: QrCode } {
  const url = shareLink(request, code);
  return { url, qr: qrCode(url) };
}
