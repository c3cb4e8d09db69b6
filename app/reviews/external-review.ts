import type { ReviewItem } from "../importing/claim-review";

/** An imported review as pages list it (the UI imports this; no server code here). */
export type ExternalReviewRow = Omit<ReviewItem, "worstRating"> & { id: number; importedAt: string };
