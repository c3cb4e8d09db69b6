import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const KEY_LENGTH = 64;
const COST = 16384;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: COST, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** "scrypt$N$salt$hash", all base64url: self-describing so the cost can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${COST}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/**
 * Whether the password matches the stored hash. A missing or unusable hash (no account, or an
 * invitation not yet accepted) costs the same hashing as a real one, so timing reveals nothing.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , salt, hash] = stored.split("$");
  const usable = scheme === "scrypt" && !!salt && !!hash;
  const actual = await derive(password, usable ? Buffer.from(salt, "base64url") : UNUSABLE_SALT);
  if (!usable) return false;
  const expected = Buffer.from(hash, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const UNUSABLE_SALT = Buffer.alloc(16);
