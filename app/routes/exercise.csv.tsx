import type { Route } from "./+types/exercise.csv";
import { requirePermission } from "../auth/session.server";
import { resultsCsv } from "../classroom/exercises.server";
import { exerciseForTeacher } from "../classroom/teachers.server";
import { orErrorPage, parseId } from "../utils/http.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "teach");
  const exercise = await orErrorPage(exerciseForTeacher(parseId(params.id, "exercise"), user));
  return new Response(await resultsCsv(exercise), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="exercise-${exercise.id}-answers.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
