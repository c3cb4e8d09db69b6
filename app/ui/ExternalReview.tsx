/**
 * Other fact-checkers' reviews, wherever they show (search, "Checked before?", /reviews): always
 * marked as theirs and elsewhere, never as our own publication. No server code here.
 */
import type { ExternalReviewRow } from "../reviews/external-review";

/** A link out to another site, marked as external in words, not only by an icon. */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} rel="noopener noreferrer external" className="external-link">
      {children}
      <span className="external-mark"> (external site)</span>
    </a>
  );
}

/** Their rating, in their words: not one of our verdicts. */
export function ExternalRating({ rating }: { rating: string | null }) {
  if (!rating) return <span className="external-rating">No rating given</span>;
  return (
    <span className="external-rating">
      Their rating: <strong>{rating}</strong>
    </span>
  );
}

/** Imported reviews, newest first: each one theirs, on their site. */
export function ExternalReviewList({ reviews }: { reviews: ExternalReviewRow[] }) {
  if (reviews.length === 0) return <p>No reviews by other fact-checkers have been imported yet.</p>;
  return (
    <ul className="card-list external-reviews">
      {reviews.map((r) => (
        <li key={r.id} className="card external-review">
          <p className="external-review__label">Another fact-checker’s review — not published by us</p>
          <h3>
            <ExternalLink href={r.url}>“{r.claimReviewed}”</ExternalLink>
          </h3>
          <p className="meta">
            Reviewed by {r.publisher || "an unnamed fact-checker"}
            {r.reviewDate ? ` on ${r.reviewDate}` : ""}
            {r.claimant ? ` · Claim by ${r.claimant}` : ""}
          </p>
          <p className="badges">
            <ExternalRating rating={r.ratingText} />
            {r.ratingValue !== null && r.bestRating !== null
              ? ` (${r.ratingValue} of ${r.bestRating})`
              : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface ImportSummary {
  imported: number;
  updated: number;
  skipped: Array<{ index: number; reason: string }>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an import did: counts, and each skipped review with its reason. */
export function ImportSummaryPanel({ summary }: { summary: ImportSummary }) {
  return (
    <div className="message message--success" role="status">
      <p>
        {plural(summary.imported, "review", "reviews")} imported, {summary.updated} updated,{" "}
        {summary.skipped.length} skipped.
      </p>
      {summary.skipped.length > 0 ? (
        <ul className="skipped-reviews">
          {summary.skipped.map((s) => (
            <li key={s.index}>
              Review {s.index + 1} skipped: {s.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
