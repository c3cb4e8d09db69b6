import { z } from "zod";
import type { CurrentUser } from "../auth/session.server";
import { can } from "../auth/roles";
import { db } from "../db/client.server";
import { NotFoundError, UserError } from "../utils/errors";
import { readSnapshot } from "../publishing/snapshot";
import { exerciseById, type ExerciseView } from "./exercises.server";

/**
 * Who may see and manage an exercise: the educator who made it, the co-teachers they added, and
 * admins. Anyone else who can teach is refused with 403, as if the exercise were not theirs to
 * know about; the students' names and answers never reach them.
 */
export async function canTeach(exerciseId: number, actor: CurrentUser): Promise<boolean> {
  if (actor.role === "admin") return true;
  const exercise = await db().exercise.findUnique({
    where: { id: exerciseId },
    select: { createdById: true, coTeachers: { where: { userId: actor.id }, select: { userId: true } } },
  });
  return exercise !== null && (exercise.createdById === actor.id || exercise.coTeachers.length > 0);
}

/** Deleting an exercise is for the educator who made it and admins, not co-teachers. */
export async function canDelete(exerciseId: number, actor: CurrentUser): Promise<boolean> {
  if (actor.role === "admin") return true;
  const exercise = await db().exercise.findUnique({
    where: { id: exerciseId },
    select: { createdById: true },
  });
  return exercise?.createdById === actor.id;
}

/** The exercise, for one of its teachers; 404 when there is none, 403 when it belongs to others. */
export async function exerciseForTeacher(id: number, actor: CurrentUser): Promise<ExerciseView> {
  const exercise = await exerciseById(id);
  if (!exercise) throw new NotFoundError("There is no such exercise.");
  if (!(await canTeach(id, actor)))
    throw new UserError(
      "This exercise belongs to another educator. Ask them to add you as a co-teacher.",
      403,
    );
  return exercise;
}

/** Which exercises the list shows: an admin's are all of them; anyone else's are their own and those they co-teach. */
export function teacherFilter(actor: CurrentUser) {
  return actor.role === "admin"
    ? {}
    : { OR: [{ createdById: actor.id }, { coTeachers: { some: { userId: actor.id } } }] };
}

export const CoTeacherSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Give the co-teacher's e-mail address.")
    .max(320, "That is too long for an e-mail address."),
});

/** Adds a co-teacher by the e-mail address of their Claimdesk account (one that can teach). */
export async function addCoTeacher(exerciseId: number, email: string, actor: CurrentUser) {
  await exerciseForTeacher(exerciseId, actor);
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user || !user.active || !can(user.role, "teach"))
    throw new UserError(
      "There is no educator's account with that address. An admin can invite them first.",
      400,
      { email: "No educator's account has this address." },
    );
  const owner = await db().exercise.findUnique({ where: { id: exerciseId }, select: { createdById: true } });
  if (owner?.createdById === user.id) throw new UserError(`${user.name} made this exercise already.`);
  await db().exerciseTeacher.upsert({
    where: { exerciseId_userId: { exerciseId, userId: user.id } },
    create: { exerciseId, userId: user.id },
    update: {},
  });
  return user.name;
}

export async function removeCoTeacher(exerciseId: number, userId: number, actor: CurrentUser) {
  await exerciseForTeacher(exerciseId, actor);
  await db().exerciseTeacher.deleteMany({ where: { exerciseId, userId } });
}

/** The exercise's owner and co-teachers, for its page. */
export async function teachersOf(exerciseId: number) {
  const exercise = await db().exercise.findUnique({
    where: { id: exerciseId },
    select: {
      createdById: true,
      coTeachers: { select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  const owner = exercise?.createdById
    ? await db().user.findUnique({ where: { id: exercise.createdById }, select: { name: true } })
    : null;
  return { owner: owner?.name ?? "", coTeachers: exercise?.coTeachers.map((c) => c.user) ?? [] };
}

/** The exercises this teacher sees, newest first (an admin sees every exercise), with the article each is made from. */
export async function listExercises(actor: CurrentUser) {
  const rows = await db().exercise.findMany({
    where: teacherFilter(actor),
    orderBy: { createdAt: "desc" },
    include: {
      _count: { select: { submissions: true } },
      publication: { select: { number: true, article: { select: { title: true, slug: true } } } },
    },
  });
  return rows.map(({ snapshot, publication, ...row }) => ({
    ...row,
    article: publication
      ? `${publication.article.title} (v${publication.number})`
      : `${snapshot ? readSnapshot(snapshot).article.title : ""} (your own, not published)`,
  }));
}
