-- Full-text search (app/search/): FTS5 indexes Prisma does not model (app/db/migrate.test.ts skips
-- them), kept in step by triggers, so every write path (the app, raw bulk inserts, cascades,
-- data:import) updates them in its own transaction. Porter stemming over unicode61, accents folded.

CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
    "quote", "verdict", "rationale",
    content = 'Claim', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" BEGIN
    INSERT INTO "ClaimSearch" (rowid, "quote", "verdict", "rationale") VALUES (new."id", new."quote", new."verdict", new."rationale");
END;
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
    INSERT INTO "ClaimSearch" ("ClaimSearch", rowid, "quote", "verdict", "rationale") VALUES ('delete', old."id", old."quote", old."verdict", old."rationale");
END;
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "quote", "verdict", "rationale" ON "Claim" BEGIN
    INSERT INTO "ClaimSearch" ("ClaimSearch", rowid, "quote", "verdict", "rationale") VALUES ('delete', old."id", old."quote", old."verdict", old."rationale");
    INSERT INTO "ClaimSearch" (rowid, "quote", "verdict", "rationale") VALUES (new."id", new."quote", new."verdict", new."rationale");
END;

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "title", "outlet", "markdown",
    content = 'Article', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" (rowid, "title", "outlet", "markdown") VALUES (new."id", new."title", new."outlet", new."markdown");
END;
CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "title", "outlet", "markdown") VALUES ('delete', old."id", old."title", old."outlet", old."markdown");
END;
CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "title", "outlet", "markdown" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "title", "outlet", "markdown") VALUES ('delete', old."id", old."title", old."outlet", old."markdown");
    INSERT INTO "ArticleSearch" (rowid, "title", "outlet", "markdown") VALUES (new."id", new."title", new."outlet", new."markdown");
END;

CREATE VIRTUAL TABLE "EvidenceSearch" USING fts5(
    "title", "publisher", "url", "note", "excerpt",
    content = 'Evidence', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Evidence_search_insert" AFTER INSERT ON "Evidence" BEGIN
    INSERT INTO "EvidenceSearch" (rowid, "title", "publisher", "url", "note", "excerpt") VALUES (new."id", new."title", new."publisher", new."url", new."note", new."excerpt");
END;
CREATE TRIGGER "Evidence_search_delete" AFTER DELETE ON "Evidence" BEGIN
    INSERT INTO "EvidenceSearch" ("EvidenceSearch", rowid, "title", "publisher", "url", "note", "excerpt") VALUES ('delete', old."id", old."title", old."publisher", old."url", old."note", old."excerpt");
END;
CREATE TRIGGER "Evidence_search_update" AFTER UPDATE ON "Evidence" BEGIN
    INSERT INTO "EvidenceSearch" ("EvidenceSearch", rowid, "title", "publisher", "url", "note", "excerpt") VALUES ('delete', old."id", old."title", old."publisher", old."url", old."note", old."excerpt");
    INSERT INTO "EvidenceSearch" (rowid, "title", "publisher", "url", "note", "excerpt") VALUES (new."id", new."title", new."publisher", new."url", new."note", new."excerpt");
END;

-- Readers search what was published: each publication's title and outlet, its claims with their
-- verdicts and rationales, and its article, as the snapshot holds them (snapshots never change).
CREATE VIRTUAL TABLE "PublicationSearch" USING fts5(
    "title", "claims", "article",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Publication_search_insert" AFTER INSERT ON "Publication" BEGIN
    INSERT INTO "PublicationSearch" (rowid, "title", "claims", "article") VALUES (
        new."id",
        json_extract(new."snapshot", '$.article.title') || ' ' || json_extract(new."snapshot", '$.article.outlet'),
        (SELECT group_concat(json_extract(value, '$.quote') || ' ' || json_extract(value, '$.verdict') || ' ' || json_extract(value, '$.rationale'), ' ')
           FROM json_each(new."snapshot", '$.claims')),
        json_extract(new."snapshot", '$.article.markdown')
    );
END;
CREATE TRIGGER "Publication_search_delete" AFTER DELETE ON "Publication" BEGIN
    DELETE FROM "PublicationSearch" WHERE rowid = old."id";
END;

INSERT INTO "ClaimSearch" ("ClaimSearch") VALUES ('rebuild');
INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild');
INSERT INTO "EvidenceSearch" ("EvidenceSearch") VALUES ('rebuild');
INSERT INTO "PublicationSearch" (rowid, "title", "claims", "article")
SELECT p."id",
       json_extract(p."snapshot", '$.article.title') || ' ' || json_extract(p."snapshot", '$.article.outlet'),
       (SELECT group_concat(json_extract(value, '$.quote') || ' ' || json_extract(value, '$.verdict') || ' ' || json_extract(value, '$.rationale'), ' ')
          FROM json_each(p."snapshot", '$.claims')),
       json_extract(p."snapshot", '$.article.markdown')
FROM "Publication" p;
