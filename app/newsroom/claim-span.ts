import { selectorFor } from "../claims/anchor";
import type { Span } from "../claims/segment";

/**
 * The columns that place a claim in its article: offsets into the text projection, the quoted
 * words and their context (the W3C TextQuoteSelector re-anchoring and annotations rely on).
 * Every write of a claim's span goes through here, so the quote always matches the offsets.
 */
export function claimSpan(text: string, span: Span) {
  const { exact, prefix, suffix } = selectorFor(text, span);
  return { start: span.start, end: span.end, quote: exact, prefix, suffix };
}
