-- Whether each version corrects or updates the fact-check, copied from its snapshot so the log of
-- corrections and updates labels every version without parsing snapshots (issue 14). Versions
-- published before are read from their snapshots; snapshots without a kind were corrections.

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "changeKind" TEXT NOT NULL DEFAULT 'correction';

UPDATE "Publication" SET "changeKind" = 'update'
WHERE CASE WHEN "snapshot" LIKE '%"changeKind":"update"%'
  THEN ("snapshot"::jsonb ->> 'changeKind') = 'update' ELSE false END;
