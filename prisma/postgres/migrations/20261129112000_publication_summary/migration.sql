-- The list of fact-checks (/fact-checks, GET /api/v1/publications) reads a publication's title,
-- outlet and verdicts from columns instead of parsing its whole snapshot (issue 12). Existing
-- publications are filled in from their snapshots.
ALTER TABLE "Publication" ADD COLUMN "title" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Publication" ADD COLUMN "outlet" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Publication" ADD COLUMN "verdicts" TEXT NOT NULL DEFAULT '[]';
UPDATE "Publication" SET
  "title" = coalesce("snapshot"::jsonb #>> '{article,title}', ''),
  "outlet" = coalesce("snapshot"::jsonb #>> '{article,outlet}', ''),
  "verdicts" = coalesce((SELECT json_agg(c ->> 'verdict' ORDER BY n)::text
                         FROM jsonb_array_elements("snapshot"::jsonb -> 'claims') WITH ORDINALITY AS e(c, n)), '[]');
