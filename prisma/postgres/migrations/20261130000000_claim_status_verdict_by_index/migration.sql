-- The desk's quick views count "For me to review" (waiting for review, verdict written by someone
-- else) on every desk page: with the status first, that count reads the index alone instead of
-- each claim's row (0.3 of the desk's 1.2 ms of counting, measured on 10,000 claims). "My queue"
-- still finds the claims sent back to their verdict's author by (status, verdictById).

-- DropIndex
DROP INDEX "Claim_verdictById_status_idx";

-- CreateIndex
CREATE INDEX "Claim_status_verdictById_idx" ON "Claim"("status", "verdictById");
