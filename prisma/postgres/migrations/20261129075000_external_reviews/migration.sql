-- Other fact-checkers' reviews (app/reviews): schema.org ClaimReviews imported for reference,
-- one row per review URL, with a generated tsvector column and GIN index as in 20261129060000_search.
CREATE TABLE "ExternalReview" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "claimant" TEXT NOT NULL DEFAULT '',
    "publisher" TEXT NOT NULL DEFAULT '',
    "publisherUrl" TEXT NOT NULL DEFAULT '',
    "reviewDate" TEXT NOT NULL DEFAULT '',
    "ratingText" TEXT NOT NULL DEFAULT '',
    "ratingValue" DOUBLE PRECISION,
    "bestRating" DOUBLE PRECISION,
    "worstRating" DOUBLE PRECISION,
    "importedById" INTEGER,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ExternalReview_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ExternalReview_url_key" ON "ExternalReview"("url");
CREATE INDEX "ExternalReview_importedAt_id_idx" ON "ExternalReview"("importedAt", "id");

ALTER TABLE "ExternalReview" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', "claimReviewed"), 'A') ||
    setweight(to_tsvector('english', "claimant"), 'B') ||
    setweight(to_tsvector('english', "publisher"), 'B') ||
    setweight(to_tsvector('english', "ratingText"), 'C')
) STORED;
CREATE INDEX "ExternalReview_search_idx" ON "ExternalReview" USING GIN ("search");
