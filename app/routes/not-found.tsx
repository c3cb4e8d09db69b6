export function loader() {
  throw new Response("There is no page at this address. Published fact-checks are listed at /fact-checks.", {
    status: 404,
  });
}
