import { useId } from "react";
import { useRouteLoaderData } from "react-router";
import { SUBMISSION_FIELD } from "../utils/submission";

/**
 * The hidden token that makes a create form's submission happen once (app/db/submissions.server.ts).
 * It is the page load's random seed (the root loader's, new on every load and after every
 * successful submission) and the form's place in the page (useId, the same on the server and in
 * the browser), so it is random per rendered form and survives hydration unchanged.
 */
export function useSubmissionToken(): string {
  const seed = useRouteLoaderData<{ formSeed?: string }>("root")?.formSeed ?? "";
  const place = useId();
  return seed === "" ? "" : `${seed}.${place}`;
}

export function SubmissionToken({ token }: { token?: string }) {
  const own = useSubmissionToken();
  return <input type="hidden" name={SUBMISSION_FIELD} value={token ?? own} />;
}
