/**
 * The API as server.js hands it a request, for tests: imported when called, so a test sets
 * DATABASE_URL (and mocks the client) first. The test's request is never a .data request, so its
 * own URL is the address.
 */
export async function apiHandler(): Promise<(request: Request) => Promise<Response>> {
  const { handleApi } = await import("./v1.server");
  return (request) => handleApi(request, new URL(request.url));
}
