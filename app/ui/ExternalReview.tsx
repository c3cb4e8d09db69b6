/**
 * Other fact-checkers' reviews, wherever they show (search, "Checked before?", /reviews): always
 * marked as theirs and elsewhere, never as our own publication. No server code here.
 */

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
