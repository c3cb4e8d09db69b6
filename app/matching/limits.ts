/** A claim to match is one claim: its text is bounded before any work (the API, the CLI, the pages). */
export const MAX_QUERY_TEXT = 2_000;
