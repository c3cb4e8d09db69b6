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
  const claimAuthor = article.author
    ? { "@type": "Person", name: article.author }
    : article.outlet
      ? { "@type": "Organization", name: article.outlet }
      : undefined;
  return snapshot.claims.map((claim) => {
    const verdict = VERDICTS.find((v) => v.key === claim.verdict)!;
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
        ...(article.originalDate ? { datePublished: article.originalDate } : {}),
        appearance: {
          "@type": "CreativeWork",
          headline: article.title,
          ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
          ...(article.outlet ? { publisher: { "@type": "Organization", name: article.outlet } } : {}),
        },
      },
    };
  });
}
