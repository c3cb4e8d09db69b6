/** The largest article Claimdesk takes, in UTF-8 bytes: pasted, uploaded, fetched or corrected. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** The limit as people read it ("2 MB"), for messages and hints. */
export const ARTICLE_LIMIT_LABEL = `${MAX_ARTICLE_BYTES / (1024 * 1024)} MB`;

/**
 * The markup budget (decision 032). 2 MB of ordinary prose parses in 40-200 ms, escaped plain
 * text of it in about 220 ms; markdown-it pays up to 5 µs a character for runs of "![" (about
 * 3 µs for table rows, 1 µs for link definitions), so 1.8 MB of "![" took 9 s to import and
 * then 14 s on each workbench view.
 * One second leaves ordinary 2 MB text five times its cost on a loaded machine, and refuses
 * markup whose views would each hold the event loop for more than a second or two.
 */
export const MARKUP_BUDGET_MS = 1_000;

/** The `code` of the error a worker throws for markdown past its markup budget. */
export const MARKUP_TOO_SLOW = "MARKUP_TOO_SLOW";
