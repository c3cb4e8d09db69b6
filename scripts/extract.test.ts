import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { project } from "../app/claims/projection";
import { toMarkdown } from "../app/claims/extract";

const run = (file: string) =>
  JSON.parse(execFileSync("npx", ["tsx", "scripts/extract.ts", file], { encoding: "utf8" }));

describe("npm run extract", () => {
  it("prints sentences and claims with offsets into the text projection", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-extract-"));
    const md = path.join(dir, "a.md");
    writeFileSync(md, "# Results\n\nAcme Corp. said revenue rose **12%** in 2025. Subscribe now!");
    const out = run(md);
    expect(Object.keys(out)).toEqual(["language", "sentences", "claims"]);
    expect(out.language).toBe("en");
    const text = project("# Results\n\nAcme Corp. said revenue rose **12%** in 2025. Subscribe now!").text;
    expect(out.sentences.map((s: { text: string }) => s.text)).toEqual([
      "Results",
      "Acme Corp. said revenue rose 12% in 2025.",
      "Subscribe now!",
    ]);
    for (const s of [...out.sentences, ...out.claims]) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(out.claims).toHaveLength(1);
    expect(Object.keys(out.claims[0])).toEqual([
      "start",
      "end",
      "text",
      "score",
      "reasons",
      "entities",
      "quantities",
    ]);
    expect(out.claims[0].entities).toEqual([
      { text: "Acme Corp", type: "organization", start: 9, end: 18 },
      { text: "12%", type: "percent", start: 38, end: 41 },
      { text: "2025", type: "date", start: 45, end: 49 },
    ]);
    for (const e of out.claims[0].entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    // Each claim's figures, with offsets in the same projection as the claim's.
    expect(out.claims[0].quantities).toEqual([
      {
        text: "12%",
        start: text.indexOf("12%"),
        end: text.indexOf("12%") + 3,
        value: 12,
        unit: "%",
        measure: "percent",
        normalized: { value: 12, unit: "%" },
        change: true,
      },
    ]);

    // Any other extension is plain text: markdown syntax stays as characters.
    const txt = path.join(dir, "a.txt");
    writeFileSync(txt, "Acme said revenue rose **12%** in 2025.");
    const plain = run(txt);
    expect(plain.sentences[0].text).toBe("Acme said revenue rose **12%** in 2025.");
    expect(project(toMarkdown("Acme said revenue rose **12%** in 2025.", "text")).text).toBe(
      plain.sentences[0].text,
    );
  });

  it("names the article's language (BCP 47) and splits its sentences by that language's rules", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-extract-"));
    const md = path.join(dir, "de.md");
    writeFileSync(
      md,
      "Der Umsatz stieg am 3. Oktober 2025 um 12 Prozent, sagte Dr. med. Meyer. Die Aktie legte z. B. in Frankfurt zu.",
    );
    const out = run(md);
    expect(out.language).toBe("de");
    expect(out.sentences.map((s: { text: string }) => s.text)).toEqual([
      "Der Umsatz stieg am 3. Oktober 2025 um 12 Prozent, sagte Dr. med. Meyer.",
      "Die Aktie legte z. B. in Frankfurt zu.",
    ]);
    const short = path.join(dir, "short.txt");
    writeFileSync(short, "Hallo");
    expect(run(short).language).toBe("und");
  });

  it("reads a saved .html page as the importer does: its article, not its markup", async () => {
    const { readArticleFile } = await import("../app/importing/article-file.server");
    const file = "fixtures/web/chip-export-rules.html";
    const out = run(file);
    const { source } = await readArticleFile(new File([readFileSync(file)], file));
    const text = project(source).text;
    expect(out.sentences.length).toBeGreaterThan(0);
    expect(out.sentences.map((s: { text: string }) => s.text).join(" ")).not.toContain("<");
    for (const s of [...out.sentences, ...out.claims]) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("sets a claim's figures against the reference figures of the hardware it names", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-extract-"));
    const md = path.join(dir, "chips.md");
    writeFileSync(
      md,
      "Alibaba says its Hanguang 800 chip delivers 900 TOPS, three times as much as the Nvidia H20 chip.\n\nAcme said revenue rose 12% in 2025.",
    );
    const [chips, revenue] = run(md).claims;
    // Only a claim naming known hardware carries references.
    expect(Object.keys(revenue)).not.toContain("references");
    const epoch = "Epoch AI, Machine Learning Hardware (CC BY 4.0)";
    expect(chips.references[0]).toEqual({
      hardware: "T-Head Hanguang 800",
      metric: "INT8 performance",
      value: 825,
      unit: "TOPS",
      source: epoch,
      agrees: false,
    });
    // The H20's figures are listed with nothing claimed about them; the comparison is checked.
    expect(chips.references).toContainEqual({
      hardware: "NVIDIA HGX H20",
      metric: "INT8 performance",
      value: 296,
      unit: "TOPS",
      source: epoch,
      agrees: null,
    });
    expect(chips.references.at(-1)).toEqual({
      hardware: "T-Head Hanguang 800",
      metric: "INT8 performance against the NVIDIA HGX H20",
      value: 2.79,
      unit: "×",
      source: epoch,
      agrees: true,
    });
  });

  it("fails clearly on a missing file", () => {
    expect(() =>
      execFileSync("npx", ["tsx", "scripts/extract.ts", "/no/such/file.md"], { stdio: "pipe" }),
    ).toThrow(/cannot read \/no\/such\/file.md: ENOENT/);
  });
});
