import type { Route } from "./+types/exercise.csv";
import { requirePermission } from "../auth/session.server";
import { exerciseById, resultsCsv } from "../classroom/exercises.server";
import { parseId } from "../utils/http.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "teach");
  const exercise = await exerciseById(parseId(params.id, "exercise"));
  if (!exercise) throw new Response("There is no such exercise.", { status: 404 });
  return new Response(await resultsCsv(exercise), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="exercise-${exercise.id}-answers.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
