import { z } from "zod";
import { parseStoredJson, readStoredJson } from "../utils/json";
import { CHANGE_KINDS, readChangeKind, STANCES, VERDICT_KEYS, type ChangeKind } from "../newsroom/verdicts";
import { MEASURES } from "../claims/quantities";

/**
 * An immutable publication: everything a public page shows, frozen at publishing time.
 * Public pages render from this, never from live drafts.
 */
export const SNAPSHOT_SCHEMA = "claimdesk.publication/1";

export const PublishedEvidenceSchema = z.object({
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  publishedOn: z.string(),
  stance: z.enum(STANCES),
  note: z.string(),
  excerpt: z.string(),
  archiveUrl: z.string(),
});

/** A figure of a claim as the language layer read it (app/claims/quantities.ts), frozen. */
export const PublishedFigureSchema = z.object({
  text: z.string(),
  value: z.number(),
  upper: z.number().optional(),
  unit: z.string(),
  // A measure renamed later must not make an old publication unreadable.
  measure: z.enum(MEASURES).catch("other"),
  normalized: z.object({ value: z.number(), unit: z.string() }),
  comparedTo: z.string().optional(),
  change: z.boolean().optional(),
});

/**
 * One of a claim's figures set against the reference figure of the hardware it names
 * (app/reference/check.ts), frozen with its sources: evidence shown to readers, never a verdict.
 */
export const PublishedReferenceCheckSchema = z.object({
  hardware: z.string(),
  /** "INT8 performance", or for a comparison "INT8 performance per watt against the NVIDIA H20". */
  metric: z.string(),
  /** The claim's own words for the figure ("900 TOPS", "three times"). */
  claimed: z.string(),
  /** The reference figure (a ratio for a comparison), or null when the reference lacks it. */
  value: z.number().nullable(),
  unit: z.string(),
  agrees: z.boolean().nullable(),
  /** The checker's sentence ("Claims 900 TOPS; the reference lists 825 TOPS INT8 (Epoch AI)."). */
  note: z.string(),
  /** Where each reference figure comes from, and the hardware it gives figures for. */
  sources: z.array(z.object({ name: z.string(), url: z.string(), hardware: z.string().default("") })),
});

export const PublishedClaimSchema = z.object({
  id: z.number().int(),
  number: z.number().int().min(1),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  verdict: z.enum(VERDICT_KEYS),
  rationale: z.string(),
  /** The editor who researched it (wrote the verdict and rationale); "" in snapshots from before it was kept. */
  checkedBy: z.string().default(""),
  approvedBy: z.string(),
  approvedAt: z.string(),
  evidence: z.array(PublishedEvidenceSchema),
  // Who made the claim, when, and where else it appeared (absent from publications before them).
  claimant: z.string().default(""),
  claimantType: z.enum(["", "person", "organization"]).catch("").default(""),
  claimDate: z.string().default(""),
  appearances: z.array(z.string()).default([]),
  // The language layer's reading of the claim (absent from publications before it).
  figures: z.array(PublishedFigureSchema).default([]),
  referenceChecks: z.array(PublishedReferenceCheckSchema).default([]),
});

export const SnapshotSchema = z.object({
  schema: z.literal(SNAPSHOT_SCHEMA),
  number: z.number().int().min(1),
  publishedAt: z.string(),
  publishedBy: z.string(),
  changeNote: z.string(),
  /** Versions published before the distinction were all shown as corrections. */
  changeKind: z.enum(CHANGE_KINDS).catch("correction").default("correction"),
  article: z.object({
    title: z.string(),
    slug: z.string(),
    outlet: z.string(),
    author: z.string(),
    sourceUrl: z.string(),
    originalDate: z.string(),
    /** BCP 47; versions published before articles had a language lack it. */
    language: z.string().optional(),
    markdown: z.string(),
  }),
  claims: z.array(PublishedClaimSchema),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;

/** A published claim for which the desk recorded no claimant, date or other appearances. */
export const NO_ATTRIBUTION = {
  claimant: "",
  claimantType: "",
  claimDate: "",
  appearances: [],
} as const satisfies Pick<
  z.input<typeof PublishedClaimSchema>,
  "claimant" | "claimantType" | "claimDate" | "appearances"
>;
/** A published claim without the language layer's figures (a student's own key, an old version). */
export const NO_FIGURES = { figures: [], referenceChecks: [] } as const satisfies Pick<
  z.input<typeof PublishedClaimSchema>,
  "figures" | "referenceChecks"
>;
export type PublishedClaim = z.infer<typeof PublishedClaimSchema>;
export type PublishedFigure = z.infer<typeof PublishedFigureSchema>;
export type PublishedReferenceCheck = z.infer<typeof PublishedReferenceCheckSchema>;

/**
 * A stored snapshot, read back: the one place publication text becomes a Snapshot, so a stored
 * row that no longer matches the schema fails here, loudly, whoever reads it.
 */
export function readSnapshot(stored: string): Snapshot {
  return parseStoredJson(SnapshotSchema, stored);
}

/** One version in a fact-check's history: what the corrections log and the version links show. */
export interface PublicationEntry {
  number: number;
  publishedAt: string;
  changeNote: string;
  changeKind: ChangeKind;
}

export const publicationEntry = (p: {
  number: number;
  publishedAt: Date;
  changeNote: string;
  changeKind: string;
}): PublicationEntry => ({
  number: p.number,
  publishedAt: p.publishedAt.toISOString(),
  changeNote: p.changeNote,
  changeKind: readChangeKind(p.changeKind),
});

/**
 * The rows of the index of published claims (PublicationClaim) for one publication: one per
 * claim its snapshot includes. Publishing writes them; a restore rebuilds them from snapshots.
 */
export const includedClaims = (publicationId: number, snapshot: Snapshot) =>
  snapshot.claims.map((claim) => ({ claimId: claim.id, publicationId }));

/**
 * The columns a publication's row copies from its snapshot when it is written, so lists and logs
 * never parse snapshots: what the list of fact-checks shows (title, outlet, verdicts in reading
 * order) and what the log of corrections and updates says of the version (its kind).
 */
export const snapshotColumns = (snapshot: Snapshot) => ({
  title: snapshot.article.title,
  outlet: snapshot.article.outlet,
  verdicts: JSON.stringify(snapshot.claims.map((c) => c.verdict)),
  changeKind: snapshot.changeKind,
});

const ListedVerdicts = z.array(z.enum(VERDICT_KEYS));

/** A publication row's verdicts column, read back; anything malformed reads as none. */
export function listedVerdicts(verdicts: string): Array<Snapshot["claims"][number]["verdict"]> {
  return readStoredJson(ListedVerdicts, verdicts, []);
}
