import { data } from "react-router";
import { ErrorPage } from "../ui/ErrorPage";

/** Any address no route claims: a 404 page in the site's frame, with the way to the fact-checks. */
export function loader() {
  return data(null, { status: 404 });
}

export default function NotFound() {
  return (
    <ErrorPage title="Not found">
      <p>
        There is no page at this address. Published fact-checks are listed at{" "}
        {/* A plain link: the list is a document of its own, not a page of the app's router. */}
        <a href="/fact-checks">/fact-checks</a>.
      </p>
    </ErrorPage>
  );
}
