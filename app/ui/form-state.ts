/**
 * What an action answers a form with, as the form reads it: a refusal (ok: false) with its message,
 * the fields to mark and the values to show again, or a notice (ok: true) for a form handled
 * without saving. The server side makes these with failure() in app/utils/http.server.ts.
 */
export interface FormState {
  ok: boolean;
  intent: string;
  values: Record<string, string>;
  error?: string;
  fields?: Record<string, string>;
  notice?: string;
  conflict?: boolean;
}

/** The action's answer when it is about this form's intent, else null. */
export function stateOf(state: FormState | null | undefined, intent: string): FormState | null {
  return state?.intent === intent ? state : null;
}
