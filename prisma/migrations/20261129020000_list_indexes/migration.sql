-- Indexes for the paged lists (issue 11, items 13-15): each list reads its page in index order
-- instead of scanning and sorting a whole table.

-- CreateIndex
CREATE INDEX "Article_updatedAt_id_idx" ON "Article"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_status_score_id_idx" ON "Claim"("status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_status_assigneeId_score_id_idx" ON "Claim"("status", "assigneeId", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_status_verdict_score_id_idx" ON "Claim"("status", "verdict", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_articleId_status_score_id_idx" ON "Claim"("articleId", "status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "Publication_publishedAt_id_idx" ON "Publication"("publishedAt", "id");
