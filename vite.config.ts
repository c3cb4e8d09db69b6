import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";

/**
 * Bundles the parsing worker (app/importing/parse.worker.ts) beside the server
 * bundle, as build/server/parse.worker.js, where parser.server.ts starts it.
 */
function extractionWorker(): Plugin {
  return {
    name: "claimdesk:extraction-worker",
    apply: "build",
    applyToEnvironment: (environment) => environment.config.consumer === "server",
    buildStart() {
      this.emitFile({ type: "chunk", id: "app/importing/parse.worker.ts", fileName: "parse.worker.js" });
    },
  };
}

export default defineConfig({
  plugins: [reactRouter(), extractionWorker()],
});
