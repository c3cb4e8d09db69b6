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

/**
 * Failed sign-ins allowed in 15 minutes before a pause (docs/decisions/030):
 * - for one account from one address: a guesser is paused quickly, but only on their address;
 * - for one address across accounts: password spraying;
 * - for one account from all addresses together: guessing spread over many addresses. High, so a
 *   stranger cannot lock the owner out with a handful of requests.
 */
export const SIGN_IN_LIMITS = { accountFromAddress: 5, address: 20, account: 100 } as const;
const WINDOW_MS = 15 * 60_000;
/**
 * An address the account's owner signed in from within this long is theirs: the pause for guesses
 * from everywhere does not apply there (its own two limits do), so a stranger who can afford
 * twenty addresses still cannot lock the owner out of their usual connection (OWASP's
 * "device cookie" idea, by address, as no cookie survives signing out).
 */
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export type SignInResult =
  | { outcome: "signed-in"; userId: number }
  | { outcome: "wrong" }
  | { outcome: "paused"; scope: "address" | "account" };

/**
 * Checks the credentials under the sign-in limits. One attempt is reserved on every limit before
 * the password is hashed, so a burst of parallel guesses is counted in full; a limit already used
 * up reserves nothing on the others. A success forgets this address's failures on the account and
 * gives the account and the address their attempt back.
 */
export async function signIn(
  email: string,
  password: string,
  address: string,
  limits: AttemptLimiter = signInLimiter,
): Promise<SignInResult> {
  const name = email.trim().toLowerCase();
  const pair = {
    key: `login:account-address:${address} ${name}`,
    limit: SIGN_IN_LIMITS.accountFromAddress,
    windowMs: WINDOW_MS,
  };
  const from = { key: `login:address:${address}`, limit: SIGN_IN_LIMITS.address, windowMs: WINDOW_MS };
  const account = { key: `login:account:${name}`, limit: SIGN_IN_LIMITS.account, windowMs: WINDOW_MS };
  // Marked once, by a sign-in that succeeded from here: "exhausted" reads as "known".
  const known = { key: `login:known:${address} ${name}`, limit: 1, windowMs: KNOWN_ADDRESS_MS };
  const fromKnownAddress = await limits.exhausted(known);
  const counted = fromKnownAddress ? [pair, from] : [pair, from, account];
  if (!(await limits.reserve(counted))) {
    const everywhere =
      !fromKnownAddress && (await limits.exhausted(account)) && !(await limits.exhausted(pair));
    return { outcome: "paused", scope: everywhere ? "account" : "address" };
  }
  const user = await authenticate(email, password);
  if (!user) return { outcome: "wrong" };
  await limits.reset(pair.key);
  await limits.release(from);
  if (fromKnownAddress) await limits.reset(known.key);
  else await limits.release(account);
  // From now on (again, for another 30 days) this address is the owner's.
  await limits.reserve([known]);
  return { outcome: "signed-in", userId: user.id };
}
