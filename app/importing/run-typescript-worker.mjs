// Runs a TypeScript worker entry (process.argv[2], a file URL) from the sources, as vitest, the
// tsx scripts and `react-router dev` do: Node 20 cannot load .ts files by itself. The production
// build runs the bundled entry instead (vite.config.ts).
import { register } from "tsx/esm/api";

register();
await import(process.argv[2]);
