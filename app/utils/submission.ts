/**
 * The hidden field every create form carries: a random token made when the form is rendered
 * (see app/ui/SubmissionToken.tsx), so the server can tell a replay of one submission (a double
 * click without JavaScript, a resend after a dropped connection) from a second one.
 */
export const SUBMISSION_FIELD = "submission";

/** Longer values are not tokens this app makes: they are ignored. */
export const SUBMISSION_TOKEN_MAX = 200;
