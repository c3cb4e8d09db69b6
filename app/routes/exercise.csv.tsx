import type { Route } from "./+types/exercise.csv";
import { requirePermission } from "../auth/session.server";
import { resultsCsv, studentsCsv } from "../classroom/csv.server";
import { exerciseForTeacher } from "../classroom/teachers.server";
import { orErrorPage, parseId } from "../utils/http.server";

/** /exercises/:id/results.csv (one row per student and claim) and /exercises/:id/students.csv (one per student). */
export async function loader({ request, url, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "teach");
  const exercise = await orErrorPage(exerciseForTeacher(parseId(params.id, "exercise"), user));
  const perStudent = url.pathname.endsWith("/students.csv");
  const body = perStudent ? await studentsCsv(exercise) : await resultsCsv(exercise);
  const name = `exercise-${exercise.id}-${perStudent ? "students" : "answers"}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
