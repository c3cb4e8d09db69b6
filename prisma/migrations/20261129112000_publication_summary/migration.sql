-- The list of fact-checks (/fact-checks, GET /api/v1/publications) reads a publication's title,
-- outlet and verdicts from columns instead of parsing its whole snapshot (issue 12). Existing
-- publications are filled in from their snapshots.
ALTER TABLE "Publication" ADD COLUMN "title" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Publication" ADD COLUMN "outlet" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Publication" ADD COLUMN "verdicts" TEXT NOT NULL DEFAULT '[]';
UPDATE "Publication" SET
  "title" = coalesce(json_extract("snapshot", '$.article.title'), ''),
  "outlet" = coalesce(json_extract("snapshot", '$.article.outlet'), ''),
  "verdicts" = coalesce((SELECT json_group_array(json_extract(c.value, '$.verdict')) FROM json_each("snapshot", '$.claims') c), '[]');
