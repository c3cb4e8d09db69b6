import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "../auth/session.server";

export async function action({ request }: Route.ActionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirect("/");
}
