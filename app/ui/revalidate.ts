import type { ShouldRevalidateFunction } from "react-router";

/**
 * Form intents whose action changes nothing: a look-up that fills in a form from a web page.
 * Reloading after one would draw a new form seed (root.tsx), re-key the form being filled in and
 * drop what the person chose meanwhile (a stance picked as the look-up's answer arrived).
 */
const READ_ONLY_INTENTS = new Set(["lookup-evidence"]);

const changedNothing = (formData: FormData | undefined) =>
  READ_ONLY_INTENTS.has(String(formData?.get("intent") ?? ""));

/** Every route's data after a look-up: kept as it is, since nothing was saved. */
export const keepAfterLookup: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  changedNothing(formData) ? false : defaultShouldRevalidate;

/**
 * After a refused save (409), reload the page's data so the user sees what the other person
 * saved; React Router skips revalidation after error statuses by default. After a look-up, keep it.
 */
export const revalidateOnConflict: ShouldRevalidateFunction = (args) =>
  args.actionStatus === 409 ? true : keepAfterLookup(args);
