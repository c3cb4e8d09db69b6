import type { Route } from "./+types/api";
import { handleApi } from "../api/v1.server";

/** /api/v1/*: a resource route; the operations live in app/api/v1.server.ts. */
export const loader = ({ request, url }: Route.LoaderArgs) => handleApi(request, url);
export const action = ({ request, url }: Route.ActionArgs) => handleApi(request, url);
