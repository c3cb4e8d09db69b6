/** The largest article Claimdesk takes, in UTF-8 bytes: pasted, uploaded, fetched or corrected. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** The limit as people read it ("2 MB"), for messages and hints. */
export const ARTICLE_LIMIT_LABEL = `${MAX_ARTICLE_BYTES / (1024 * 1024)} MB`;
