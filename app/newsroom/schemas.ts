import { z } from "zod";
import { CLAIMANT_TYPES } from "./claim-fields";
import { ARTICLE_LIMIT_LABEL, MAX_ARTICLE_BYTES } from "../importing/limits";
import { CHANGE_KINDS, CLAIM_STATUSES, STANCES, VERDICT_KEYS } from "./verdicts";
import { partialDate } from "../utils/dates";
import { LANGUAGE_CODES, type LanguageCode } from "../claims/language";

/** Shared by the forms (field names, limits) and the actions that parse them. */
export { MAX_ARTICLE_BYTES };

const optionalText = (max: number) =>
  z.string().trim().max(max, `Keep it under ${max} characters.`).default("");

export const httpUrl = z
  .string()
  .trim()
  .min(1, "Enter a URL.")
  .max(2000, "That URL is too long.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Use a web address starting with http:// or https://.");

const optionalHttpUrl = z.union([z.literal(""), httpUrl]).default("");

export { partialDate };

export const ArticleMetaSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the article a title.")
    .max(300, "Keep the title under 300 characters."),
  outlet: optionalText(200),
  author: optionalText(200),
  sourceUrl: optionalHttpUrl,
  originalDate: partialDate,
});

/** U+0000 is never part of an article's text (a binary file pasted, say), and PostgreSQL cannot store it. */
const NO_NULL_CHARACTER = [
  (s: string) => !s.includes("\u0000"),
  "The text contains a null character (U+0000), so it is probably not plain text: was it copied from a binary file? Remove it and try again.",
] as const;

export const ArticleImportSchema = ArticleMetaSchema.extend({
  format: z.enum(["markdown", "text"], { error: "Choose markdown or plain text." }).default("markdown"),
  source: z
    .string()
    .refine(
      (s) => s.trim().length > 0,
      "Paste the article's text, or upload a .md, .txt or saved .html file.",
    )
    .refine(...NO_NULL_CHARACTER)
    .refine(
      (s) => Buffer.byteLength(s, "utf8") <= MAX_ARTICLE_BYTES,
      `The article is larger than ${ARTICLE_LIMIT_LABEL}; split it or trim boilerplate.`,
    ),
});
export type ArticleImport = z.infer<typeof ArticleImportSchema>;

/** What slugify() makes (with a "-2" suffix for a repeated title): the public address of an article. */
export const SlugSchema = z
  .string()
  .max(80, "A slug is at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lowercase letters and digits joined by single hyphens.");

export const ARTICLE_STATUSES = ["draft", "published"] as const;
export const CLAIM_ORIGINS = ["machine", "editor"] as const;

export const versionField = z.coerce
  .number({ error: "The form is missing its version; reload the page." })
  .int()
  .min(1);

/** A correction of an article's text, based on the version the editor opened. */
/** A language an editor may set: any the engine knows except "undetermined". */
export const ArticleLanguageSchema = z.object({
  version: versionField,
  language: z.enum(LANGUAGE_CODES.filter((code) => code !== "und") as [LanguageCode, ...LanguageCode[]], {
    error: "Choose one of the listed languages.",
  }),
});

export const ArticleRevisionSchema = z.object({
  version: versionField,
  markdown: z
    .string()
    .refine((s) => s.trim().length > 0, "The article cannot be empty.")
    .refine(...NO_NULL_CHARACTER)
    .refine(
      (s) => Buffer.byteLength(s, "utf8") <= MAX_ARTICLE_BYTES,
      `The article is larger than ${ARTICLE_LIMIT_LABEL}.`,
    ),
});

export const AddClaimSchema = z.object({
  quote: z
    .string()
    .trim()
    .min(3, "Paste at least a few words of the claim, exactly as they appear in the article.")
    .max(5000),
  near: z.coerce.number().int().min(0).optional(),
});

export const SpanSchema = z.object({
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
});

/** A claim's judgement as the claim page's form and the API write it. */
export const ClaimReviewFields = z.object({
  version: versionField,
  verdict: z.enum(["", ...VERDICT_KEYS], { error: "Choose a verdict from the scale." }).default(""),
  rationale: z.string().max(20_000, "Keep the rationale under 20,000 characters.").default(""),
  status: z.enum(CLAIM_STATUSES.filter((s) => s !== "approved") as [string, ...string[]], {
    error: "Choose a status: candidate, researching, needs review or dismissed.",
  }),
});

/**
 * The claim page's form: its "Save and ask for review" button makes the status "needs review",
 * only for a verdict with a rationale: a reviewer cannot approve anything less.
 */
export const ClaimReviewSchema = ClaimReviewFields.extend({
  askReview: z.literal("yes").optional().catch(undefined),
})
  .superRefine(({ askReview, verdict, rationale }, context) => {
    if (!askReview) return;
    if (!verdict)
      context.addIssue({
        code: "custom",
        path: ["verdict"],
        message: "Choose a verdict before asking for review.",
      });
    if (!rationale.trim())
      context.addIssue({
        code: "custom",
        path: ["rationale"],
        message:
          "Write the rationale before asking for review: a reviewer cannot approve a verdict without one.",
      });
  })
  .transform(({ askReview, ...review }) => (askReview ? { ...review, status: "needs-review" } : review));

export const AdjustClaimSchema = z.object({
  version: versionField,
  quote: z.string().trim().min(3, "The claim needs at least a few words.").max(5000),
});

export const SplitClaimSchema = z.object({
  version: versionField,
  splitBefore: z.string().trim().min(1, "Type the words where the second claim should begin."),
});

export const MergeClaimSchema = z.object({
  version: versionField,
  otherId: z.coerce
    .number({ error: "Choose the claim to merge with." })
    .int()
    .min(1, "Choose the claim to merge with."),
});

export const EvidenceSchema = z.object({
  url: httpUrl,
  title: optionalText(300),
  publisher: optionalText(200),
  publishedOn: partialDate,
  stance: z.enum(STANCES, { error: "Choose whether the source supports, refutes or gives context." }),
  note: optionalText(2000),
  excerpt: optionalText(2000),
  archiveUrl: optionalHttpUrl,
});
export type EvidenceInput = z.infer<typeof EvidenceSchema>;

export { CLAIMANT_TYPES };
export const MAX_APPEARANCES = 20;
/** Published reviews name a claimant as a Person or an Organization, so the desk says which. */
export const CLAIMANT_TYPE_NEEDED = "Say whether the claimant is a person or an organisation.";

const appearanceList = z
  .array(httpUrl)
  .max(MAX_APPEARANCES, `List at most ${MAX_APPEARANCES} places where the claim appeared.`);

/** Who made a claim, when, and where else it appeared: the form's fields (appearances one URL per line). */
export const AttributionSchema = z
  .object({
    version: versionField,
    claimant: optionalText(200),
    claimantType: z
      .enum(["", ...CLAIMANT_TYPES], { error: "Choose a person, an organisation, or not said." })
      .default(""),
    claimDate: partialDate,
    appearances: z
      .string()
      .max(50_000, "That list of addresses is too long.")
      .default("")
      .transform((text) =>
        text
          .split(/\r?\n/u)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .superRefine((lines, ctx) => {
        const bad = lines.findIndex((line) => !httpUrl.safeParse(line).success);
        if (bad >= 0)
          ctx.addIssue({
            code: "custom",
            message: `Line ${bad + 1} (“${lines[bad]!.slice(0, 60)}”) is not a web address starting with http:// or https://.`,
          });
      })
      .pipe(appearanceList),
  })
  .refine((a) => !a.claimant || a.claimantType, {
    path: ["claimantType"],
    message: CLAIMANT_TYPE_NEEDED,
  });
export type AttributionInput = z.infer<typeof AttributionSchema>;

/** The API's form of the same fields: appearances as an array, every field optional. */
export const ApiAttributionFields = {
  claimant: optionalText(200).unwrap().optional(),
  claimantType: z
    .enum(["", ...CLAIMANT_TYPES], { error: 'claimantType must be person, organization or "".' })
    .optional(),
  claimDate: partialDate.unwrap().optional(),
  appearances: appearanceList.optional(),
};

export const reviewComment = z
  .string()
  .trim()
  .min(1, "Say what needs to change: a comment is required to send a verdict back.")
  .max(4000, "Keep the comment under 4,000 characters.");

export const SendBackSchema = z.object({ version: versionField, comment: reviewComment });

/** "" means nobody. */
export const AssignSchema = z.object({
  assigneeId: z.union([z.literal("").transform(() => null), z.coerce.number().int().min(1)], {
    error: "Choose a person from the list.",
  }),
});

/** The refusal when a version after the first does not say what kind of change it is. */
export const CHANGE_KIND_MISSING =
  "Choose whether this version corrects something published or adds to it: readers see “Corrected” or “Updated”.";

/**
 * Publishing a version. The kind of change is the publisher's to choose, never a default: it is
 * what readers see first ("Corrected" or "Updated"). Version 1 has none; later versions must
 * have one, which publishArticle checks, as only it knows the version's number.
 */
export const PublishSchema = z.object({
  articleVersion: versionField,
  changeNote: z.string().trim().max(2000, "Keep the change note under 2,000 characters.").default(""),
  changeKind: z.enum(CHANGE_KINDS, { error: CHANGE_KIND_MISSING }).optional(),
});

/** Field errors keyed by field name, first message each, for showing beside inputs. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
