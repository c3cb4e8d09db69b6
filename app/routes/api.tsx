import type { Route } from "./+types/api";
import { handleApi } from "../api/v1.server";

/** /api/v1/*: a resource route; the operations live in app/api/v1.server.ts. */
export const loader = ({ request }: Route.LoaderArgs) => handleApi(request);
export const action = ({ request }: Route.ActionArgs) => handleApi(request);
