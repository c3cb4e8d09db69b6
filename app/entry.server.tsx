import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import { contentSecurityPolicy } from "./csp.server";

export { prepareDatabase } from "./db/prepare.server";
export { bodyLimitFor, MAX_BODY_BYTES, routedPath, isApiPath, stateChangeRefusal } from "./auth/origin.server";
export { trustsProxy } from "./db/config.server";
export { servePublishedPage } from "./publishing/serve.server";

export const streamTimeout = 5_000;

/** Pages are rendered completely on the server before sending: they must work without JavaScript. */
export default function handleRequest(request: Request, status: number, headers: Headers, routerContext: EntryContext) {
  const nonce = randomBytes(16).toString("base64");
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status, headers });
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onAllReady() {
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeout);
            callback();
          },
        });
        headers.set("Content-Type", "text/html; charset=utf-8");
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
      },
      onShellError: reject,
      onError(error) {
        status = 500;
        console.error(error);
      },
    });
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
