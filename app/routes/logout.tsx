import type { Route } from "./+types/logout";
import { endSession } from "../auth/session.server";
import { redirectTo } from "../utils/document-routes";

// "/" sends a reader on to the stored list of fact-checks, which has no React component: the
// browser loads it as a document, also after the header's "Sign out" submitted with JavaScript.
export async function action({ request }: Route.ActionArgs) {
  return redirectTo("/", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirectTo("/");
}
