import { z } from "zod";
import { parseStoredJson } from "../utils/json";
import { STANCES, VERDICT_KEYS } from "../newsroom/verdicts";

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
});

export const SnapshotSchema = z.object({
  schema: z.literal(SNAPSHOT_SCHEMA),
  number: z.number().int().min(1),
  publishedAt: z.string(),
  publishedBy: z.string(),
  changeNote: z.string(),
  article: z.object({
    title: z.string(),
    slug: z.string(),
    outlet: z.string(),
    author: z.string(),
    sourceUrl: z.string(),
    originalDate: z.string(),
    markdown: z.string(),
  }),
  claims: z.array(PublishedClaimSchema),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type PublishedClaim = z.infer<typeof PublishedClaimSchema>;

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
}

export const publicationEntry = (p: {
  number: number;
  publishedAt: Date;
  changeNote: string;
}): PublicationEntry => ({
  number: p.number,
  publishedAt: p.publishedAt.toISOString(),
  changeNote: p.changeNote,
});

/**
 * The rows of the index of published claims (PublicationClaim) for one publication: one per
 * claim its snapshot includes. Publishing writes them; a restore rebuilds them from snapshots.
 */
export const includedClaims = (publicationId: number, snapshot: Snapshot) =>
  snapshot.claims.map((claim) => ({ claimId: claim.id, publicationId }));
