import { languageName } from "../claims/language";
import type { DiffBlock } from "../utils/text-diff";
import { CHANGE_KIND_WORDS, readChangeKind, stanceLabel, statusLabel, verdictLabel } from "./verdicts";

/** One event of an audit trail as pages show it: who, when, what, and the fields it changed. */
export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  /** What was done, in words: "approved", "corrected the text of". */
  action: string;
  /** What it was done to, as a person reads it: "claim 4", "version 2", "the article". */
  entity: string;
  changes: Array<{ field: string; before: string; after: string }>;
  /** A correction of the article's text: what changed, paragraph by paragraph. */
  diff?: DiffBlock[];
}

/** The kinds of event the history page filters by, with the names a person picks them by. */
export const HISTORY_KINDS = {
  article: "Article text",
  claim: "Claims",
  evidence: "Sources",
  publication: "Publications",
} as const;
export type HistoryKind = keyof typeof HISTORY_KINDS;

/** How an event reads, by entity type and action: "approved", "corrected the text of". */
const ACTIONS: Record<string, string> = {
  "article:imported": "imported",
  "article:revised": "corrected the text of",
  "article:language-set": "set the language of",
  "claim:added": "added",
  "claim:reviewed": "saved the verdict of",
  "claim:approved": "approved",
  "claim:sent-back": "sent back",
  "claim:adjusted": "moved the boundaries of",
  "claim:split": "split",
  "claim:split-off": "split off",
  "claim:merged": "merged another claim into",
  "claim:merged-into": "merged away",
  "claim:dismissed": "dismissed",
  "claim:restored": "restored",
  "claim:assigned": "assigned",
  "claim:matched": "linked an earlier fact-check to",
  "claim:dismissed-match": "dismissed a suggested earlier fact-check for",
  "evidence:added": "added",
  "evidence:edited": "edited",
  "evidence:removed": "removed",
  "publication:published": "published",
};

export function describeAction(entityType: string, action: string): string {
  return ACTIONS[`${entityType}:${action}`] ?? action.replace(/-/g, " ");
}

type Format =
  | "text"
  | "language"
  | "person"
  | "status"
  | "verdict"
  | "stance"
  | "changeKind"
  | "claim"
  | "count"
  | "hidden";

/** Every field an audit event records, with the name a person reads and how its value reads. */
const FIELDS: Record<string, { label: string; format: Format }> = {
  quote: { label: "Quote", format: "text" },
  language: { label: "Language", format: "language" },
  start: { label: "Position (start)", format: "hidden" },
  end: { label: "Position (end)", format: "hidden" },
  status: { label: "Status", format: "status" },
  verdict: { label: "Verdict", format: "verdict" },
  rationale: { label: "Rationale", format: "text" },
  lastEditorId: { label: "Last edited by", format: "person" },
  verdictById: { label: "Verdict written by", format: "person" },
  approvedById: { label: "Approved by", format: "person" },
  assigneeId: { label: "Assigned to", format: "person" },
  reviewNote: { label: "Reviewer's note", format: "text" },
  mergedInto: { label: "Merged into", format: "claim" },
  otherClaimId: { label: "Earlier claim", format: "claim" },
  otherArticleId: { label: "Earlier claim's article", format: "hidden" },
  url: { label: "Address", format: "text" },
  title: { label: "Title", format: "text" },
  publisher: { label: "Publisher", format: "text" },
  publishedOn: { label: "Date", format: "text" },
  stance: { label: "Stance", format: "stance" },
  note: { label: "Note", format: "text" },
  excerpt: { label: "Excerpt", format: "text" },
  archiveUrl: { label: "Archived copy", format: "text" },
  slug: { label: "Address name", format: "text" },
  proposedClaims: { label: "Claims proposed", format: "count" },
  notProposed: { label: "Claims found but not proposed", format: "count" },
  markdown: { label: "Text", format: "hidden" },
  exact: { label: "Claims unchanged", format: "count" },
  moved: { label: "Claims that followed the edit", format: "count" },
  orphaned: { label: "Claims that lost their place", format: "count" },
  proposed: { label: "New claims proposed", format: "count" },
  number: { label: "Version", format: "count" },
  changeNote: { label: "Change note", format: "text" },
  changeKind: { label: "Correction or update", format: "changeKind" },
  claims: { label: "Claims published", format: "count" },
  email: { label: "Email", format: "text" },
  name: { label: "Name", format: "text" },
  role: { label: "Role", format: "text" },
  active: { label: "Active", format: "text" },
};

/** A field's name as a person reads it: "approvedById" is "Approved by". */
export const fieldLabel = (field: string) => FIELDS[field]?.label ?? field;

export const isShownField = (field: string) => FIELDS[field]?.format !== "hidden";

/** What the page knows to put names and numbers on ids. */
export interface Namer {
  person: (id: number) => string | undefined;
  claim: (id: number) => string;
}

const EMPTY = "—";

/** A recorded value as a person reads it: a name for a person's id, "Approved" for "approved". */
export function showValue(field: string, value: unknown, names: Namer): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (FIELDS[field]?.format) {
    case "person":
      return typeof value === "number"
        ? (names.person(value) ?? `a former member (#${value})`)
        : String(value);
    case "claim":
      return typeof value === "number" ? names.claim(value) : String(value);
    case "status":
      return statusLabel(String(value));
    case "language":
      return languageName(String(value));
    case "verdict":
      return verdictLabel(String(value));
    case "stance":
      return stanceLabel(String(value));
    case "changeKind":
      return CHANGE_KIND_WORDS[readChangeKind(value)].noun;
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}
