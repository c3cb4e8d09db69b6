import type { Route } from "./+types/home";
import { can } from "../auth/roles";
import { getUser } from "../auth/session.server";
import { countUsers } from "../auth/users.server";
import { redirectTo } from "../utils/document-routes";

export async function loader({ request }: Route.LoaderArgs) {
  if ((await countUsers()) === 0) throw redirectTo("/setup");
  const user = await getUser(request);
  if (user && can(user.role, "read-drafts")) throw redirectTo("/articles");
  throw redirectTo(user && can(user.role, "teach") ? "/exercises" : "/fact-checks");
}
