import { createHash, randomBytes } from "node:crypto";

/** Links and tokens carry a random secret; the database keeps only its sha256. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** 256 random bits, URL-safe. */
export const newSecret = () => randomBytes(32).toString("base64url");
