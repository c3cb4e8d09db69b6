/** The largest article Claimdesk takes, in UTF-8 bytes: pasted, uploaded, fetched or corrected. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
