-- Whether each version corrects or updates the fact-check, copied from its snapshot so the log of
-- corrections and updates labels every version without parsing snapshots (issue 14). Versions
-- published before are read from their snapshots; snapshots without a kind were corrections.
-- Snapshots are matched as text, as SQLite's json_extract reads them: inside a JSON string every
-- quote is escaped, so only the snapshot's own "changeKind" key can match.

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "changeKind" TEXT NOT NULL DEFAULT 'correction';

UPDATE "Publication" SET "changeKind" = 'update'
WHERE "snapshot" ~ '"changeKind"\s*:\s*"update"';

-- The stored latest pages of versions 2 and later show the log without the kinds: an empty page
-- is rendered again, with them, when it is first asked for. Archived versions stay as published.
UPDATE "Publication" SET "page" = '' WHERE "number" > 1;
