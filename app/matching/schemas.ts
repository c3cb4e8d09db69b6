import { z } from "zod";
import { versionField } from "../newsroom/schemas";

/** The claim page's decision on a suggested earlier claim, shared by its form and its action. */
export const MatchDecisionSchema = z.object({
  otherId: z.coerce.number({ error: "The form is missing the other claim; reload the page." }).int().min(1),
  decision: z.enum(["same", "dismissed", "start"], { error: "Choose same, not the same, or start from it." }),
  version: versionField.optional(),
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
