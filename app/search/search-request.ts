import { z } from "zod";
import { CLAIM_STATUSES, VERDICT_KEYS } from "../newsroom/verdicts";
import { MAX_QUERY_LENGTH } from "./query";
import { calendarDay } from "../utils/dates";

export const SEARCH_KINDS = ["claim", "article", "evidence", "external"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Blank fields mean "any"; a value that is not one of the choices is ignored, as the desk's filters do. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

/** The search page's query parameters (the API has its own, stricter reading). */
export const SearchParamsSchema = z.object({
  q: z
    .string()
    .catch("")
    .transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
  kind: optional(z.enum(SEARCH_KINDS)),
  verdict: optional(z.enum(VERDICT_KEYS)),
  status: optional(z.enum(CLAIM_STATUSES)),
  outlet: optional(z.string().trim().max(200)),
  from: optional(calendarDay),
  to: optional(calendarDay),
});
export type SearchParams = z.infer<typeof SearchParamsSchema>;
