import { Link } from "react-router";
import type { Route } from "./+types/fact-checks";
import { listPublished } from "../publishing/publish.server";
import { VERDICTS } from "../newsroom/verdicts";
import { formatDate, VerdictBadge } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Fact-checks · Claimdesk" }];

export async function loader() {
  return { published: await listPublished() };
}

export default function FactChecks({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page">
      <h1>Published fact-checks</h1>
      {loaderData.published.length === 0 ? <p>Nothing has been published yet.</p> : null}
      <ul className="card-list">
        {loaderData.published.map((p) => (
          <li key={p.slug} className="card">
            <h2><Link to={`/fact-checks/${p.slug}`}>{p.title}</Link></h2>
            <p className="meta">
              {p.outlet ? `${p.outlet} · ` : ""}
              {p.claims.length} {p.claims.length === 1 ? "claim" : "claims"} checked · version {p.number}, {formatDate(p.publishedAt)}
            </p>
            <ul className="verdict-summary" aria-label="Verdicts">
              {VERDICTS.filter((v) => p.claims.includes(v.key)).map((v) => (
                <li key={v.key}>
                  <VerdictBadge verdict={v.key} /> × {p.claims.filter((c) => c === v.key).length}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
