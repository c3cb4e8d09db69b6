import type { Route } from "./+types/not-found";

export const meta: Route.MetaFunction = () => [{ title: "Not found · Claimdesk" }];

/** Any address no route claims: a 404 page in the site's frame (the root's error boundary). */
export function loader() {
  throw new Response("There is no page at this address. Published fact-checks are listed at /fact-checks.", {
    status: 404,
  });
}

// A page, not a resource route: without a component the 404 would be bare text outside the site.
export default function NotFound() {
  return null;
}
