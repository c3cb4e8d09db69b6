// Lint rules that keep the house one-way: see docs/architecture.md and docs/decisions/011-one-way-house.md.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "data/",
      ".react-router/",
      "app/generated/",
      "test-results/",
      "playwright-report/",
      "node_modules/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-useless-path-segments": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // Tests read JSON answers whose shape is the thing under test.
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Routes parse, call one domain function and respond: the database is reached through features.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/client.server", "**/generated/**"],
              message:
                "Routes reach the database through a feature module (app/newsroom, app/publishing, ...).",
            },
          ],
        },
      ],
    },
  },
  {
    // React Router passes requests through as they arrived (react-router.config.ts): a
    // client-side navigation's request is /page.data?_routes=…, the page's address is `url`.
    // Features get the request from routes, so the rule holds for the whole app; its origin is
    // read in one place (requestOrigin, app/utils/request-origin.server.ts). entry.server.tsx renders
    // documents, never .data requests.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/testing.server.ts", "app/entry.server.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='request'][property.name='url']",
          message: "Use the loader's or action's `url` argument: request.url may be a .data request.",
        },
      ],
    },
  },
  prettier,
);
