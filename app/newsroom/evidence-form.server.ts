import { data, redirect } from "react-router";
import type { CurrentUser } from "../auth/session.server";
import { FetchRefused } from "../importing/safe-fetch.server";
import { ServerBusy } from "../utils/errors";
import { domainFailure, failure, parseId, type ActionNotice } from "../utils/http.server";
import { oncePerSubmission } from "../db/submissions.server";
import { addEvidence, lookUpSource, removeEvidence, updateEvidence } from "./evidence.server";
import { savedAnchor } from "./saved-anchor";
import { EvidenceSchema, fieldErrors } from "./schemas";

/**
 * The claim page's evidence forms (look a source up, add, edit, remove it); null for any other
 * intent. `here` is the claim page, where each change goes back to.
 */
export async function evidenceAction(
  intent: string,
  values: Record<string, string>,
  { claimId, here, user }: { claimId: number; here: string; user: CurrentUser },
) {
  const invalid = (error: Parameters<typeof fieldErrors>[0]) =>
    failure(intent, values, "Nothing was saved. Check the highlighted fields.", 400, {
      fields: fieldErrors(error),
    });
  switch (intent) {
    case "lookup-evidence": {
      // Fills the new-source form from the page itself; nothing is saved until "Add source".
      const refused = (message: string, why: string) =>
        failure("add-evidence", values, message, 400, { fields: { url: why } });
      const url = EvidenceSchema.shape.url.safeParse(values.url);
      if (!url.success) return refused("Nothing was looked up.", url.error.issues[0]!.message);
      try {
        const filled = await lookUpSource(url.data, values);
        const notice = "Filled in from the page. Check the details, then add the source.";
        return data<ActionNotice>({ ok: true, intent: "add-evidence", values: filled, notice });
      } catch (error) {
        // Every parsing worker busy (a 429): said over the form that asked, like a page refused.
        if (error instanceof ServerBusy) return domainFailure("add-evidence", values, error);
        if (!(error instanceof FetchRefused)) throw error;
        return refused("The page could not be fetched; fill in the details by hand.", error.message);
      }
    }
    case "add-evidence": {
      const parsed = EvidenceSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return await oncePerSubmission(values, user.id, async () => {
        await addEvidence(claimId, parsed.data, user);
        return redirect(`${here}?saved=source-added${savedAnchor("evidence")}`);
      });
    }
    case "edit-evidence": {
      const parsed = EvidenceSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      await updateEvidence(parseId(values.evidenceId, "evidence"), parsed.data, user);
      return redirect(`${here}?saved=evidence${savedAnchor("evidence")}`);
    }
    case "remove-evidence": {
      if (values.confirm !== "on")
        return failure(intent, values, "Nothing was removed. Tick “Yes, remove this source” to remove it.");
      await removeEvidence(parseId(values.evidenceId, "evidence"), user);
      return redirect(`${here}?saved=source-removed${savedAnchor("evidence")}`);
    }
    default:
      return null;
  }
}
