import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cycles,
  folderEdges,
  folderGraphMermaid,
  importGraph,
  importsOf,
  productionFiles,
} from "./architecture";

const ROOT = path.resolve(import.meta.dirname, "..");
const edges = importGraph(ROOT, productionFiles(ROOT));

describe("imports run one way", () => {
  it("has no circle between files, type-only imports included", () => {
    const files = productionFiles(ROOT);
    const found = cycles(
      files,
      edges.map((e) => [e.from, e.to]),
    );
    expect(found).toEqual([]);
  });

  it("has no circle between folders", () => {
    const folderGraph = [...folderEdges(edges)].map((e) => e.split(" → ") as [string, string]);
    const folders = new Set(folderGraph.flat());
    expect(cycles(folders, folderGraph)).toEqual([]);
  });

  it("draws the folder graph in docs/architecture.md as it is (run `npx tsx scripts/architecture.ts`)", () => {
    const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
    expect(doc).toContain(folderGraphMermaid(folderEdges(edges)));
  });

  it("keeps every route module at about 200 lines or fewer", () => {
    const long = readdirSync(path.join(ROOT, "app/routes"))
      .filter((name) => /\.tsx?$/.test(name) && !name.includes(".test."))
      .map((name) => ({
        name,
        lines: readFileSync(path.join(ROOT, "app/routes", name), "utf8").split("\n").length,
      }))
      .filter((route) => route.lines > 210);
    expect(long).toEqual([]);
  });
});

/** The files a module loads when it is loaded: its static value imports, followed (not `import()`, not types). */
function loadedWith(entry: string): { files: string[]; packages: Map<string, string> } {
  const STATIC = /^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(path.join(ROOT, file), "utf8").matchAll(STATIC)) {
      if (!specifier!.startsWith(".")) {
        packages.set(specifier!, file);
        continue;
      }
      const [edge] = importsOf(ROOT, file, `import x from "${specifier}";`);
      if (edge) visit(edge.to);
    }
  };
  visit(entry);
  return { files: [...files], packages };
}

describe("scripts that choose React's build", () => {
  it("load no React before they set NODE_ENV: site:export's own imports reach none", () => {
    // React picks its development or production build when first loaded; the build that renders
    // is loaded after NODE_ENV is set. A module that loads React earlier makes the two disagree
    // (React Router's elements fail with "dispatcher.getOwner is not a function").
    const { packages } = loadedWith("scripts/site-export.ts");
    const rendering = [...packages].filter(([name]) =>
      /^(react|react-dom|react-router|react-router-dom|@react-router\/[^/]+)(\/|$)/.test(name),
    );
    expect(rendering).toEqual([]);
  });
});

describe("the import reader", () => {
  const text = [
    'import { a } from "./a";',
    'import type { B } from "../b/b";',
    'export { c } from "./c";',
    'const d = await import("./d");',
    'import x from "react";',
    "// import { nope } from './nope' would be read too, so comments name no paths",
  ].join("\n");

  it("reads value, type and re-export imports and skips packages", () => {
    const found = importsOf(ROOT, "app/claims/x.ts", text.replace(/\.\/(a|c|d)"/g, './anchor"')).map((e) => [
      e.to,
      e.typeOnly,
    ]);
    expect(found).toEqual([
      ["app/claims/anchor.ts", false],
      ["app/claims/anchor.ts", false],
      ["app/claims/anchor.ts", false],
    ]);
  });

  it("finds a circle and names its members", () => {
    expect(
      cycles(
        ["a", "b", "c", "d"],
        [
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
        ],
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(cycles(["a"], [["a", "a"]])).toEqual([["a"]]);
    expect(cycles(["a", "b"], [["a", "b"]])).toEqual([]);
  });
});

describe("decision records", () => {
  it("are all listed in the index", () => {
    const dir = path.join(ROOT, "docs/decisions");
    const index = readFileSync(path.join(dir, "README.md"), "utf8");
    const records = readdirSync(dir).filter(
      (name) => /^\d{3}-.+\.md$/.test(name) && !name.startsWith("000-"),
    );
    expect(records.filter((name) => !index.includes(`(${name})`))).toEqual([]);
  });
});
