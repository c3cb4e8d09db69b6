-- Readers' search showed verdict keys inside its snippets ("…on Tuesday. mostly-accurate Epoch AI
-- lists…"): the claims column joined each claim's quote, verdict key and rationale into one run of
-- text, and snippets are cut from that column. It now holds each quote and each rationale as
-- fields of their own (separated by char(1), which the tokenizer reads as a space and
-- app/search/snippet.ts as the end of a field), without verdict keys. The rows already indexed are
-- rewritten here; `npm run search:reindex` writes them the same way (sqlite-search.server.ts).
DROP TRIGGER "Publication_search_insert";
CREATE TRIGGER "Publication_search_insert" AFTER INSERT ON "Publication" BEGIN
    INSERT INTO "PublicationSearch" (rowid, "title", "claims", "article") VALUES (
        new."id",
        json_extract(new."snapshot", '$.article.title') || ' ' || json_extract(new."snapshot", '$.article.outlet'),
        (SELECT group_concat(json_extract(value, '$.quote') || char(1) || json_extract(value, '$.rationale'), char(1))
           FROM json_each(new."snapshot", '$.claims')),
        json_extract(new."snapshot", '$.article.markdown')
    );
END;

DELETE FROM "PublicationSearch";
INSERT INTO "PublicationSearch" (rowid, "title", "claims", "article")
SELECT p."id",
       json_extract(p."snapshot", '$.article.title') || ' ' || json_extract(p."snapshot", '$.article.outlet'),
       (SELECT group_concat(json_extract(value, '$.quote') || char(1) || json_extract(value, '$.rationale'), char(1))
          FROM json_each(p."snapshot", '$.claims')),
       json_extract(p."snapshot", '$.article.markdown')
FROM "Publication" p;
