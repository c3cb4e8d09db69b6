import { redirect } from "react-router";
import type { Route } from "./+types/home";
import { can } from "../auth/roles";
import { getUser } from "../auth/session.server";
import { countUsers } from "../auth/users.server";

export async function loader({ request }: Route.LoaderArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  const user = await getUser(request);
  if (user && can(user.role, "read-drafts")) throw redirect("/articles");
  throw redirect(user && can(user.role, "teach") ? "/exercises" : "/fact-checks");
}
