import { z } from "zod";
import { db } from "../db/client.server";
import { hashPassword, verifyPassword } from "./password.server";
import { ROLES } from "./roles";

export const NewUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(200),
  name: z.string().trim().min(1, "Enter a name.").max(100),
  role: z.enum(ROLES, { error: "Role must be viewer, educator, editor, reviewer or admin." }),
  password: z.string().min(10, "Use a password of at least 10 characters.").max(200),
});
export type NewUser = z.infer<typeof NewUserSchema>;

export class DuplicateUserError extends Error {}

export async function createUser(input: NewUser) {
  const existing = await db().user.findUnique({ where: { email: input.email } });
  if (existing) throw new DuplicateUserError(`A user with the e-mail ${input.email} already exists.`);
  return db().user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
  });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

/** The active user with these credentials, or null. Takes the same time whether or not the user exists. */
export async function authenticate(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return user && user.active && ok ? user : null;
}

const DUMMY_HASH = "scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$" + "A".repeat(86);
