/**
 * A loader's or action's arguments for a request made to the page's own address, as React Router
 * passes them (react-router.config.ts): the request as it arrived, and the page's address as `url`.
 * A client-side navigation's `.data` request is built by hand where a test needs one.
 */
export function routeArgs(
  request: Request,
  params: Record<string, string> = {},
  context: object = {},
): never {
  return { request, url: new URL(request.url), params, context, pattern: "" } as never;
}
