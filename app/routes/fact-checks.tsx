import type { Route } from "./+types/fact-checks";
import { listPublished } from "../publishing/publications.server";
import { verdictCountsOnScale } from "../newsroom/verdicts";
import { readPage } from "../newsroom/paging";
import { formatDate, VerdictBadge } from "../ui/components";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "Fact-checks · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return { published: await listPublished(readPage(url.searchParams)), here: url.pathname + url.search };
}

export default function FactChecks({ loaderData }: Route.ComponentProps) {
  const { published, here } = loaderData;
  return (
    <div className="page">
      <h1>Published fact-checks</h1>
      {published.items.length === 0 ? (
        <p>{published.page === 1 ? "Nothing has been published yet." : "No fact-checks on this page."}</p>
      ) : null}
      <ul className="card-list">
        {published.items.map((p) => (
          <li key={p.slug} className="card">
            <h2>
              <a href={`/fact-checks/${p.slug}`}>{p.title}</a>
            </h2>
            <p className="meta">
              {p.outlet ? `${p.outlet} · ` : ""}
              {p.claims.length} {p.claims.length === 1 ? "claim" : "claims"} checked · version {p.number},{" "}
              {formatDate(p.publishedAt)}
            </p>
            <ul className="verdict-summary" aria-label="Verdicts">
              {verdictCountsOnScale(p.claims).map(({ verdict, count }) => (
                <li key={verdict}>
                  <VerdictBadge verdict={verdict} /> × {count}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <Pager
        page={published.page}
        hasPrevious={published.hasPrevious}
        hasNext={published.hasNext}
        here={here}
        label="Pages of fact-checks"
      />
    </div>
  );
}
