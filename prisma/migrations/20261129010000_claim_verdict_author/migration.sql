-- The two-person rule is about who wrote the verdict and rationale, not who touched the claim
-- last (adding evidence made someone else the last editor and let the verdict's author approve it).
ALTER TABLE "Claim" ADD COLUMN "verdictById" INTEGER;

-- Before this column, the last editor is the best record of the verdict's author.
UPDATE "Claim" SET "verdictById" = "lastEditorId" WHERE "verdict" IS NOT NULL OR "rationale" <> '';
