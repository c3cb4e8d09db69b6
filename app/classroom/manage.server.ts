import type { CurrentUser } from "../auth/session.server";
import { UserError } from "../utils/errors";
import { readId } from "../utils/http.server";
import { fieldErrors } from "../newsroom/schemas";
import { DueSchema } from "./due";
import {
  deleteAnswers,
  deleteExercise,
  deleteSubmission,
  editExercise,
  ExerciseTextSchema,
  RubricSchema,
  setExerciseStatus,
  setRubric,
} from "./exercises.server";
import {
  addCoTeacher,
  canDelete,
  CoTeacherSchema,
  exerciseForTeacher,
  removeCoTeacher,
} from "./teachers.server";

/**
 * What the exercise page's forms do, each checked against the exercise's teachers first. Returns
 * the notice key ("exercise-deleted" when the exercise is gone).
 */
export async function manageExercise(
  id: number,
  values: Record<string, string>,
  actor: CurrentUser,
): Promise<string> {
  await exerciseForTeacher(id, actor);
  switch (values.intent ?? "") {
    case "close":
    case "open":
      await setExerciseStatus(id, values.intent === "close" ? "closed" : "open");
      return values.intent === "close" ? "closed" : "opened";
    case "delete-answers":
      if (values.confirm !== "yes")
        throw new UserError("Tick the box to confirm that every answer should be deleted.");
      await deleteAnswers(id);
      return "deleted";
    case "edit": {
      const parsed = ExerciseTextSchema.safeParse(values);
      const due = DueSchema.safeParse(values);
      if (!parsed.success || !due.success)
        throw new UserError("The exercise was not changed. Check the highlighted fields.", 400, {
          ...(parsed.error ? fieldErrors(parsed.error) : {}),
          ...(due.error ? fieldErrors(due.error) : {}),
        });
      await editExercise(id, { ...parsed.data, ...due.data });
      return "edited";
    }
    case "rubric": {
      const parsed = RubricSchema.safeParse(values);
      if (!parsed.success)
        throw new UserError(parsed.error.issues[0]!.message, 400, fieldErrors(parsed.error));
      if (!(await setRubric(id, parsed.data)))
        throw new UserError("That student's answers are not in this exercise any more. Reload the page.");
      return "rubric";
    }
    case "delete-exercise":
      if (!(await canDelete(id, actor)))
        throw new UserError("Only the educator who made this exercise, or an admin, can delete it.", 403);
      if (values.confirm !== "yes")
        throw new UserError("Tick the box to confirm that the exercise and every answer should be deleted.");
      await deleteExercise(id);
      return "exercise-deleted";
    case "delete-submission": {
      const submissionId = readId(values.submission);
      if (submissionId === null || !(await deleteSubmission(id, submissionId)))
        throw new UserError("That answer is not in this exercise any more. Reload the page.");
      return "removed";
    }
    case "add-teacher": {
      const parsed = CoTeacherSchema.safeParse(values);
      if (!parsed.success)
        throw new UserError(parsed.error.issues[0]!.message, 400, { email: parsed.error.issues[0]!.message });
      await addCoTeacher(id, parsed.data.email, actor);
      return "teacher-added";
    }
    case "remove-teacher": {
      const userId = readId(values.user);
      if (userId === null)
        throw new UserError("That co-teacher is not known. Reload the page and choose them again.");
      await removeCoTeacher(id, userId, actor);
      return "teacher-removed";
    }
    default:
      throw new UserError("That action is not known. Reload the page and try again.");
  }
}
