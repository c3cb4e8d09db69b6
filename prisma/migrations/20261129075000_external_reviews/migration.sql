-- Other fact-checkers' reviews (app/reviews): schema.org ClaimReviews imported for reference,
-- one row per review URL, with a full-text index kept in step by triggers as in 20261129060000_search.
CREATE TABLE "ExternalReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "claimant" TEXT NOT NULL DEFAULT '',
    "publisher" TEXT NOT NULL DEFAULT '',
    "publisherUrl" TEXT NOT NULL DEFAULT '',
    "reviewDate" TEXT NOT NULL DEFAULT '',
    "ratingText" TEXT NOT NULL DEFAULT '',
    "ratingValue" REAL,
    "bestRating" REAL,
    "worstRating" REAL,
    "importedById" INTEGER,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "ExternalReview_url_key" ON "ExternalReview"("url");
CREATE INDEX "ExternalReview_importedAt_id_idx" ON "ExternalReview"("importedAt", "id");

CREATE VIRTUAL TABLE "ExternalReviewSearch" USING fts5(
    "claimReviewed", "claimant", "publisher", "ratingText",
    content = 'ExternalReview', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "ExternalReview_search_insert" AFTER INSERT ON "ExternalReview" BEGIN
    INSERT INTO "ExternalReviewSearch" (rowid, "claimReviewed", "claimant", "publisher", "ratingText") VALUES (new."id", new."claimReviewed", new."claimant", new."publisher", new."ratingText");
END;
CREATE TRIGGER "ExternalReview_search_delete" AFTER DELETE ON "ExternalReview" BEGIN
    INSERT INTO "ExternalReviewSearch" ("ExternalReviewSearch", rowid, "claimReviewed", "claimant", "publisher", "ratingText") VALUES ('delete', old."id", old."claimReviewed", old."claimant", old."publisher", old."ratingText");
END;
CREATE TRIGGER "ExternalReview_search_update" AFTER UPDATE OF "claimReviewed", "claimant", "publisher", "ratingText" ON "ExternalReview" BEGIN
    INSERT INTO "ExternalReviewSearch" ("ExternalReviewSearch", rowid, "claimReviewed", "claimant", "publisher", "ratingText") VALUES ('delete', old."id", old."claimReviewed", old."claimant", old."publisher", old."ratingText");
    INSERT INTO "ExternalReviewSearch" (rowid, "claimReviewed", "claimant", "publisher", "ratingText") VALUES (new."id", new."claimReviewed", new."claimant", new."publisher", new."ratingText");
END;

INSERT INTO "ExternalReviewSearch" ("ExternalReviewSearch") VALUES ('rebuild');
