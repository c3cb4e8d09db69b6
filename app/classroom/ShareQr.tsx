import type { QrCode } from "./qr.server";

/**
 * A QR code students scan to open the exercise. Its text alternative is the link itself, so a
 * screen reader (or a printout's reader without a phone) gets the same address.
 */
export function ShareQr({ qr, url, className }: { qr: QrCode; url: string; className?: string }) {
  return (
    <svg
      className={`qr ${className ?? ""}`.trim()}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={`QR code for ${url}`}
      shapeRendering="crispEdges"
    >
      <title>{`QR code for ${url}`}</title>
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}

/** On the printed handout only: how to open the exercise on a device, by QR code or by its address. */
export function HandoutLink({ qr, url, code }: { qr: QrCode; url: string; code: string }) {
  return (
    <div className="print-only handout-link">
      <ShareQr qr={qr} url={url} className="handout-link__qr" />
      <p>
        Answer online: scan the code, or go to <strong>{url.replace(/\/[^/]+$/, "")}</strong> and type the
        code <strong>{code}</strong>.
      </p>
    </div>
  );
}
