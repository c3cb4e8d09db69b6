/**
 * Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE
 * and U+FFFF) and UTF-16 surrogates without their partner. One of them in a title makes a feed
 * ill-formed for every subscriber, so every XML, HTML and JSON(-LD) writer of the public site
 * passes its text through here. They carry no meaning in a fact-check; they are dropped.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}

/** The same for every string (keys included) of a JSON value. */
export const xmlSafeJson = <T>(value: T): T => mapStrings(value, xmlSafe);

/**
 * What PostgreSQL cannot hold in text or JSON: U+0000, and surrogates without their partner
 * (JSON.stringify writes both as escapes, which PostgreSQL's JSON refuses).
 */
// eslint-disable-next-line no-control-regex -- matching U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Stored JSON text with those characters dropped from its strings, as a text column drops them. */
export function storableJsonText(stored: string): string {
  return JSON.stringify(mapStrings(JSON.parse(stored) as unknown, (text) => text.replace(UNSTORABLE, "")));
}

function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === "string") return change(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [change(key), mapStrings(item, change)]),
    ) as T;
  }
  return value;
}
