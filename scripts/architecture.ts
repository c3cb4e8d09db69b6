import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** One import edge between two files of the app, relative to the repository root. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx|mjs|js)$/;
const RESOLVABLE = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts"];
// import x from "y"; import type { x } from "y"; export { x } from "y"; import("y"); vi.mock("y")
const SPECIFIER =
  /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

export function sourceFiles(root: string, folder: string, skip: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const file = path.join(dir, name);
      if (skip(file)) continue;
      if (statSync(path.join(root, file)).isDirectory()) walk(file);
      else if (SOURCE.test(name)) found.push(file);
    }
  };
  walk(folder);
  return found.sort();
}

/** The relative imports of one file's text, resolved to files (bare packages are left out). */
export function importsOf(root: string, file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[3] ?? match[4] ?? "";
    if (!specifier.startsWith(".")) continue;
    const target = resolve(root, path.join(path.dirname(file), specifier));
    if (target) edges.push({ from: file, to: target, typeOnly: Boolean(match[2]) });
  }
  return edges;
}

function resolve(root: string, candidate: string): string | null {
  for (const ending of RESOLVABLE) {
    const file = candidate + ending;
    if (existsSync(path.join(root, file)) && statSync(path.join(root, file)).isFile()) return file;
  }
  return null;
}

export function importGraph(root: string, files: string[]): ImportEdge[] {
  return files.flatMap((file) => importsOf(root, file, readFileSync(path.join(root, file), "utf8")));
}

/** The folder a file belongs to: its first folder under app/ ("app" for the app shell itself). */
export function folderOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] !== "app") return parts[0] ?? file;
  return parts.length > 2 ? (parts[1] ?? "app") : "app";
}

/** Edges between folders, "from → to", without self-edges. */
export function folderEdges(edges: ImportEdge[]): Set<string> {
  const result = new Set<string>();
  for (const edge of edges) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from !== to) result.add(`${from} → ${to}`);
  }
  return result;
}

/** Every cycle's members (strongly connected components with more than one node, or a self-loop). */
export function cycles(nodes: Iterable<string>, edges: Array<[string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const node of nodes) next.set(node, []);
  for (const [from, to] of edges) next.get(from)?.push(to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (next.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Production code only: tests and test helpers may import from anywhere below them. */
export function productionFiles(root = ROOT): string[] {
  return sourceFiles(
    root,
    "app",
    (file) =>
      file === path.join("app", "generated") ||
      /\.test\.tsx?$/.test(file) ||
      /testing\.server\.ts$/.test(file) ||
      file.endsWith("arbitrary-markdown.ts"),
  );
}

/** The folder graph as Mermaid, the form docs/architecture.md keeps it in. */
export function folderGraphMermaid(edges: Set<string>): string {
  const lines = [...edges].sort().map((edge) => "  " + edge.replace(" → ", " --> "));
  return ["```mermaid", "graph TD", ...lines, "```"].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const edges = importGraph(ROOT, productionFiles());
  console.log(folderGraphMermaid(folderEdges(edges)));
}
