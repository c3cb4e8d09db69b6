import { z } from "zod";
import { signInLimiter } from "../db/attempts.server";
import type { AttemptLimiter } from "../utils/limits.server";
import { authenticate } from "./users.server";

/**
 * Bounds on what sign-in reads: an e-mail address is at most 254 characters (RFC 5321), and a
 * password longer than 1,000 characters is refused before any hashing is done.
 */
export const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(254, "E-mail addresses are at most 254 characters."),
  password: z.string().min(1, "Enter your password.").max(1000, "Passwords are at most 1,000 characters."),
  next: z.string().default("/"),
});

/** Failed sign-ins allowed per account and per address in 15 minutes, before a pause. */
const ACCOUNT_FAILURES = 5;
const ADDRESS_FAILURES = 20;
const WINDOW_MS = 15 * 60_000;

export type SignInResult =
  { outcome: "signed-in"; userId: number } | { outcome: "wrong" } | { outcome: "paused" };

/**
 * Checks the credentials under the sign-in limits. One attempt is reserved on the account and
 * on the address before the password is hashed, so a burst of parallel guesses is counted in
 * full. A success forgets the account's failures and gives the address its attempt back.
 */
export async function signIn(
  email: string,
  password: string,
  address: string,
  limits: AttemptLimiter = signInLimiter,
): Promise<SignInResult> {
  const account = {
    key: `login:account:${email.trim().toLowerCase()}`,
    limit: ACCOUNT_FAILURES,
    windowMs: WINDOW_MS,
  };
  const from = { key: `login:address:${address}`, limit: ADDRESS_FAILURES, windowMs: WINDOW_MS };
  if (!(await limits.reserve([account, from]))) return { outcome: "paused" };
  const user = await authenticate(email, password);
  if (!user) return { outcome: "wrong" };
  await limits.reset(account.key);
  await limits.release(from);
  return { outcome: "signed-in", userId: user.id };
}
