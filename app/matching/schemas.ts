import { z } from "zod";
import { versionField } from "../newsroom/schemas";

/** The claim page's decision on a suggested earlier claim, shared by its form and its action. */
export const MatchDecisionSchema = z.object({
  otherId: z.coerce.number({ error: "The form is missing the other claim; reload the page." }).int().min(1),
  decision: z.enum(["same", "dismissed", "start"], { error: "Choose same, not the same, or start from it." }),
  version: versionField.optional(),
  /** Ticked to confirm as the same claim one whose figures or names differ. */
  despiteDifferences: z.literal("yes").optional().catch(undefined),
});
export type MatchDecision = z.infer<typeof MatchDecisionSchema>;

/** POST /api/v1/match: the text of one claim. */
export const MatchTextSchema = z.strictObject({
  text: z
    .string({ error: "text is required: the claim to match." })
    .trim()
    .min(3, "text is required: the claim to match.")
    .max(2_000, "text is at most 2,000 characters: give one claim."),
});

/** Most claims one bulk decision covers: a desk page's worth, twice. */
export const BULK_LIMIT = 50;

/** The desk's bulk decision on the selected claims' suggestions. */
export const BulkMatchSchema = z.object({
  claimIds: z
    .array(z.coerce.number().int().min(1))
    .min(1, "Select at least one claim.")
    .max(BULK_LIMIT, `Select at most ${BULK_LIMIT} claims at a time.`),
  decision: z.enum(["same", "dismissed"], { error: "Choose what to do with the suggestions." }),
});
export type BulkMatch = z.infer<typeof BulkMatchSchema>;
