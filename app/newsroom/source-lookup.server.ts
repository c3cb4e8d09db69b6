import { data } from "react-router";
import { FetchRefused } from "../importing/safe-fetch.server";
import { failure, type ActionNotice } from "../utils/http.server";
import { lookUpSource } from "./evidence.server";
import { EvidenceSchema } from "./schemas";

/**
 * The claim page's "Fill in from the page": the new-source form filled from the page itself, or
 * the reason it could not be. Nothing is saved until "Add source".
 */
export async function lookUpSourceForm(values: Record<string, string>) {
  const refused = (message: string, why: string) =>
    failure("add-evidence", values, message, 400, { fields: { url: why } });
  const url = EvidenceSchema.shape.url.safeParse(values.url);
  if (!url.success) return refused("Nothing was looked up.", url.error.issues[0]!.message);
  try {
    const filled = await lookUpSource(url.data, values);
    const notice = "Filled in from the page. Check the details, then add the source.";
    return data<ActionNotice>({ ok: true, intent: "add-evidence", values: filled, notice });
  } catch (error) {
    if (!(error instanceof FetchRefused)) throw error;
    return refused("The page could not be fetched; fill in the details by hand.", error.message);
  }
}
