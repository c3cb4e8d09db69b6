/**
 * `@name` mentions in a comment, resolved to people without guessing: a mention names a person
 * when exactly one of them answers to it, by their first name, their full name written without
 * spaces or with dots ("@ada", "@AdaLovelace", "@ada.lovelace") or their e-mail's local part. An
 * unknown or ambiguous @name stays plain text.
 */
export interface Mentionable {
  id: number;
  name: string;
  email: string;
}

/** `@` at the start or after a space or punctuation (not inside an e-mail address), then a name. */
const MENTION = /(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

/** The @names a text writes, lowercased, in order, each once (trailing dots and dashes are punctuation). */
export function mentionedHandles(text: string): string[] {
  const handles = [...text.matchAll(MENTION)].map((m) => m[1]!.replace(/[._-]+$/, "").toLowerCase());
  return [...new Set(handles.filter((h) => h !== ""))];
}

/** The names a person answers to, lowercased. */
export function handlesOf(person: Mentionable): string[] {
  const words = person.name.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const local = person.email.toLowerCase().split("@")[0] ?? "";
  return [...new Set([words[0] ?? "", words.join(""), words.join("."), local].filter(Boolean))];
}

export interface Resolved<P extends Mentionable> {
  /** The people named, once each, in the order first named. */
  people: P[];
  /** @names that matched nobody, or more than one person. */
  unresolved: Array<{ handle: string; matches: number }>;
}

export function resolveMentions<P extends Mentionable>(text: string, people: P[]): Resolved<P> {
  const found: P[] = [];
  const unresolved: Resolved<P>["unresolved"] = [];
  for (const handle of mentionedHandles(text)) {
    const matches = people.filter((p) => handlesOf(p).includes(handle));
    if (matches.length === 1) {
      if (!found.includes(matches[0]!)) found.push(matches[0]!);
    } else unresolved.push({ handle, matches: matches.length });
  }
  return { people: found, unresolved };
}
