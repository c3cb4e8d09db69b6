import { redirect } from "react-router";
import type { Route } from "./+types/home";
import { getUser } from "../auth/session.server";
import { countUsers } from "../auth/users.server";

export async function loader({ request }: Route.LoaderArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  throw redirect((await getUser(request)) ? "/articles" : "/fact-checks");
}
