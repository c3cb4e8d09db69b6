import path from "node:path";
import { z } from "zod";
import { requestOrigin } from "./request-origin.server";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)/,
      "DATABASE_URL must be a SQLite file URL such as file:./data/claimdesk.db or a PostgreSQL URL such as postgresql://user:password@host:5432/claimdesk",
    )
    .default("file:./data/claimdesk.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  CLAIMDESK_ORG_NAME: z.string().min(1).default("Claimdesk"),
  /** Where readers reach this server; absolute URLs in feeds, JSON-LD and annotations use it. */
  CLAIMDESK_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "CLAIMDESK_PUBLIC_URL must be an http(s) URL" })
    .optional(),
  CLAIMDESK_SEED: z.enum(["on", "off"]).default("on"),
  /** "1" lets imports fetch from loopback and private addresses: for tests with a local server. */
  CLAIMDESK_ALLOW_PRIVATE_FETCH: z
    .enum(["", "0", "1"], { error: "CLAIMDESK_ALLOW_PRIVATE_FETCH must be 1 or unset" })
    .default(""),
  /** "1" when Claimdesk is reached only through one reverse proxy that sets X-Forwarded-Proto and X-Forwarded-For. */
  CLAIMDESK_TRUST_PROXY: z
    .enum(["", "0", "1"], { error: "CLAIMDESK_TRUST_PROXY must be 1 or unset" })
    .default(""),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(
        `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * Whether to believe the proxy in front: then the forwarded protocol decides the session
 * cookie's Secure flag and the forwarded address is the client's (for rate limits). Without a
 * proxy these headers come from the client itself, so they are ignored unless configured.
 */
export function trustsProxy(): boolean {
  return env().CLAIMDESK_TRUST_PROXY === "1";
}

/** The public base URL, without a trailing slash. */
export function publicUrl(): string {
  const { CLAIMDESK_PUBLIC_URL, PORT } = env();
  return (CLAIMDESK_PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

/** The address people reach this server at: the configured public URL, else the request's own origin. */
export function publicOrigin(request: Request): string {
  return env().CLAIMDESK_PUBLIC_URL ? publicUrl() : requestOrigin(request);
}

export type DatabaseKind = "sqlite" | "postgres";

/** Which database DATABASE_URL names: a SQLite file (`file:`) or a PostgreSQL server. */
export function databaseKind(url = env().DATABASE_URL): DatabaseKind {
  return /^postgres(ql)?:/.test(url) ? "postgres" : "sqlite";
}

/** The database file path that DATABASE_URL names, resolved against the working directory. */
export function databasePath(url = env().DATABASE_URL): string {
  return path.resolve(url.replace(/^file:/, ""));
}
