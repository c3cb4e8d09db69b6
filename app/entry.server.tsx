import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { isRouteErrorResponse, ServerRouter, type EntryContext } from "react-router";
import { contentSecurityPolicy } from "./utils/csp.server";

export { prepareDatabase } from "./startup/prepare.server";
export { bodyLimitFor, bodyTooLargeMessage } from "./utils/body-limits.server";
export { routedPath, isApiPath, stateChangeRefusal } from "./auth/origin.server";
export { trustsProxy } from "./utils/config.server";
export { malformedRequest } from "./utils/request-origin.server";
export { securityHeaders } from "./utils/security-headers";
export { servePublishedPage } from "./publishing/serve.server";
export { exportSite } from "./publishing/site-export.server";
export { createTurnQueue } from "./utils/turns.server";

export const streamTimeout = 5_000;
/**
 * A page still rendering after this long is given up with a 503 (and Retry-After), never a 500
 * or half a page: under load many large renders share one process, and a slow one is the
 * server being busy, not the page being wrong. Loaders have finished before rendering starts.
 */
const RENDER_DEADLINE_MS = 30_000;

/** Pages are rendered completely on the server before sending: they must work without JavaScript. */
export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
) {
  const nonce = randomBytes(16).toString("base64");
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status, headers });
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      resolve(
        new Response("The server is busy and could not finish this page in time. Try again in a moment.", {
          status: 503,
          headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" },
        }),
      );
      abort();
    }, RENDER_DEADLINE_MS);
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />,
      {
        nonce,
        // The page is complete at this point: it is sent as one buffer, not as React's many small chunks.
        onAllReady() {
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              clearTimeout(timeout);
              headers.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers, status }));
              callback();
            },
          });
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          status = 500;
          console.error(error);
        },
      },
    );
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A request the router itself refuses (a POST to a page without a form, 405) is the client's
  // mistake and answered as such: logging its stack would let anyone fill the log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
}
