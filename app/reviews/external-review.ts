/** An imported review as pages list it (the UI imports this; no server code here). */
export interface ExternalReviewRow {
  id: number;
  url: string;
  claimReviewed: string;
  claimant: string;
  publisher: string;
  publisherUrl: string;
  reviewDate: string;
  ratingText: string;
  ratingValue: number | null;
  bestRating: number | null;
  importedAt: string;
}
