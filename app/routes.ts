import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("setup", "routes/setup.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("methodology", "routes/methodology.tsx"),
  route("fact-checks", "routes/fact-checks.tsx"),
  route("fact-checks.atom", "routes/feed.tsx"),
  route("fact-checks/:slug/:format", "routes/fact-check.formats.tsx"),
  route("fact-checks/:slug", "routes/fact-check.tsx", { id: "fact-check-latest" }),
  route("fact-checks/:slug/v/:n", "routes/fact-check.tsx", { id: "fact-check-version" }),
  route("articles", "routes/articles.tsx"),
  route("articles/new", "routes/articles.new.tsx"),
  route("articles/:id", "routes/article.tsx"),
  route("articles/:id/edit", "routes/article.edit.tsx"),
  route("articles/:id/claims/:claimId", "routes/claim.tsx"),
  route("embed/claims/:id", "routes/embed.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
