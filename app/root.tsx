import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
  Form,
} from "react-router";
import { useEffect } from "react";
import type { Route } from "./+types/root";
import { getUser } from "./auth/session.server";
import { newFormSeed } from "./db/submissions.server";
import { STYLESHEET } from "./ui/components";
import { can } from "./auth/roles";
import { FACT_CHECKS_NAV, PUBLIC_NAV, SiteFrame } from "./ui/SiteFrame";
import { usePendingSubmits } from "./ui/pending-submits";
import { ErrorPage } from "./ui/ErrorPage";
import { keepAfterLookup } from "./ui/revalidate";

/** One stylesheet at a stable address, shared with the stored public pages (app/publishing/page.server.tsx). */
export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: STYLESHEET },
  { rel: "stylesheet", href: "/workbench.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** A look-up that fills in a form changes nothing: the root's data (and its form seed) stays. */
export const shouldRevalidate = keepAfterLookup;

export async function loader({ request }: Route.LoaderArgs) {
  // formSeed: new on every load, so each rendered create form has its own token (ui/SubmissionToken.tsx).
  // Only members create anything: a reader's page carries no seed and stays the same for every reader.
  const user = await getUser(request);
  return { user, formSeed: user ? newFormSeed() : "" };
}

export function Layout({ children }: { children: React.ReactNode }) {
  // Set once React runs the page, after every effect below it (such as usePendingSubmits):
  // until then a click is the browser's alone. Browser tests wait for it before such clicks.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "yes";
  }, []);
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  // Students' pages (/x…) say so with `handle = { classroom: true }`: they get a frame without navigation.
  const classroom = useMatches().some((m) => (m.handle as { classroom?: boolean } | undefined)?.classroom);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteFrame
          classroom={classroom}
          nav={[
            // The desk's header keeps to one line at 1280 px: methodology stays a link in the footer.
            ...(user && can(user.role, "read-drafts")
              ? [
                  FACT_CHECKS_NAV,
                  { href: "/articles", label: "Workbench" },
                  { href: "/desk", label: "Desk" },
                  { href: "/search", label: "Search" },
                  { href: "/reviews", label: "Other fact-checkers" },
                ]
              : PUBLIC_NAV),
            ...(user && can(user.role, "edit") ? [{ href: "/reference", label: "Hardware reference" }] : []),
            ...(user && can(user.role, "teach") ? [{ href: "/exercises", label: "Classroom" }] : []),
          ]}
          account={
            user ? (
              <Form method="post" action="/logout">
                <span className="account__name" title={user.name}>
                  {user.name}
                </span>{" "}
                <span className="role">({user.role})</span> <Link to="/settings">Settings</Link>{" "}
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            ) : (
              <Link to="/login">Sign in</Link>
            )
          }
        >
          {children}
        </SiteFrame>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  usePendingSubmits();
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = "Something went wrong";
  let message =
    "An unexpected error stopped this page. Nothing you submitted was half-saved; try again, or go back.";
  if (isRouteErrorResponse(error)) {
    title =
      error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : `Error ${error.status}`;
    message = typeof error.data === "string" && error.data ? error.data : error.statusText || message;
  }
  return (
    <ErrorPage title={title}>
      <p>{message}</p>
    </ErrorPage>
  );
}
