import { describe, expect, it } from "vitest";
import { findQuote, locateQuote, selectorFor } from "./anchor";

const text =
  "Alibaba’s shares spiked—up to +13% on the news.\n\nIn contrast, Nvidia stock dipped 3–4%. Alibaba’s shares spiked again.";

describe("placing quotes", () => {
  it("finds exact quotes", () => {
    const [span] = findQuote(text, "Nvidia stock dipped 3–4%");
    expect(text.slice(span!.start, span!.end)).toBe("Nvidia stock dipped 3–4%");
  });

  it("accepts a pasted quote with straight quotes, plain hyphens and different spacing", () => {
    const span = locateQuote(text, "Alibaba's  shares spiked-up to +13%");
    expect(span).not.toBeNull();
    expect(text.slice(span!.start, span!.end)).toBe("Alibaba’s shares spiked—up to +13%");
  });

  it("picks the occurrence nearest the previous position", () => {
    const later = text.lastIndexOf("Alibaba’s shares spiked");
    expect(locateQuote(text, "Alibaba’s shares spiked", later - 5)!.start).toBe(later);
    expect(locateQuote(text, "Alibaba’s shares spiked", 0)!.start).toBe(0);
  });

  it("refuses words that are not in the article", () => {
    expect(locateQuote(text, "Nvidia stock rose 3%")).toBeNull();
    expect(locateQuote(text, "   ")).toBeNull();
  });

  it("describes a span with W3C quote selectors", () => {
    const start = text.indexOf("Nvidia");
    const selector = selectorFor(text, { start, end: start + 6 });
    expect(selector.exact).toBe("Nvidia");
    expect(text.slice(0, start).endsWith(selector.prefix)).toBe(true);
    expect(text.slice(start + 6).startsWith(selector.suffix)).toBe(true);
    expect(selector.prefix.length).toBe(32);
  });
});
