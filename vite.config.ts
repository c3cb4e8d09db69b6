import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";

/**
 * Bundles the page-extraction worker (app/importing/extract-page.worker.ts) beside the server
 * bundle, as build/server/extract-page.worker.js, where page-extractor.server.ts starts it.
 */
function extractionWorker(): Plugin {
  return {
    name: "claimdesk:extraction-worker",
    apply: "build",
    applyToEnvironment: (environment) => environment.config.consumer === "server",
    buildStart() {
      this.emitFile({ type: "chunk", id: "app/importing/extract-page.worker.ts", fileName: "extract-page.worker.js" });
    },
  };
}

export default defineConfig({
  plugins: [reactRouter(), extractionWorker()],
});
