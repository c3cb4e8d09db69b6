import { VERDICTS } from "../newsroom/verdicts";
import { claimPermalink, type Publisher } from "./links";
import type { Snapshot } from "./snapshot";

const BEST = Math.max(...VERDICTS.flatMap((v) => (v.rating === null ? [] : [v.rating])));
const WORST = Math.min(...VERDICTS.flatMap((v) => (v.rating === null ? [] : [v.rating])));

/**
 * schema.org ClaimReview for every claim of a publication. The rating is always named
 * (alternateName); only ordinal verdicts carry ratingValue, bestRating and worstRating, as
 * documented on /methodology.
 */
export function claimReviews(snapshot: Snapshot, publisher: Publisher) {
  const { article } = snapshot;
  const reportedBy = article.author
    ? { "@type": "Person", name: article.author }
    : article.outlet
      ? { "@type": "Organization", name: article.outlet }
      : undefined;
  const reportedIn = {
    "@type": "CreativeWork",
    headline: article.title,
    ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
    ...(article.outlet ? { publisher: { "@type": "Organization", name: article.outlet } } : {}),
  };
  return snapshot.claims.map((claim) => {
    const verdict = VERDICTS.find((v) => v.key === claim.verdict)!;
    // The claimant when the desk recorded one; otherwise the article's author or outlet, as reported.
    const claimAuthor = claim.claimant
      ? { "@type": claim.claimantType === "person" ? "Person" : "Organization", name: claim.claimant }
      : reportedBy;
    const claimDate = claim.claimDate || article.originalDate;
    const elsewhere = claim.appearances.map((url) => ({ "@type": "CreativeWork", url }));
    return {
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: claimPermalink(publisher.baseUrl, snapshot, claim.number),
      claimReviewed: claim.quote,
      datePublished: snapshot.publishedAt.slice(0, 10),
      author: { "@type": "Organization", name: publisher.name, url: publisher.baseUrl },
      reviewRating: {
        "@type": "Rating",
        alternateName: verdict.label,
        ...(verdict.rating === null
          ? {}
          : { ratingValue: verdict.rating, bestRating: BEST, worstRating: WORST }),
      },
      itemReviewed: {
        "@type": "Claim",
        ...(claimAuthor ? { author: claimAuthor } : {}),
        ...(claimDate ? { datePublished: claimDate } : {}),
        appearance: elsewhere.length > 0 ? [reportedIn, ...elsewhere] : reportedIn,
      },
    };
  });
}
