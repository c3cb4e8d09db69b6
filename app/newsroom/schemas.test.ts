import { describe, expect, it } from "vitest";
import { ArticleImportSchema, ArticleRevisionSchema } from "./schemas";

describe("article text", () => {
  const meta = { title: "A title" };

  it("refuses a null character with a message, on import and on correction", () => {
    const imported = ArticleImportSchema.safeParse({ ...meta, source: "Acme sold 4\u0000 million chips." });
    expect(imported.success).toBe(false);
    expect(imported.error?.issues[0]?.message).toMatch(/null character \(U\+0000\)/);
    const corrected = ArticleRevisionSchema.safeParse({ version: 1, markdown: "Fixed\u0000 text." });
    expect(corrected.error?.issues[0]?.message).toMatch(/null character/);
  });

  it("accepts every other character, control characters and unpaired surrogates included", () => {
    const text = "Acme\u0001 sold \uD800 4 million \u202E chips.";
    expect(ArticleImportSchema.parse({ ...meta, source: text }).source).toBe(text);
  });
});
