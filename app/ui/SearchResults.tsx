import { NARROW_KIND, standingNote, type SearchGroup, type SearchHit } from "../search/results";
import type { SearchKind } from "../search/search-request";
import { plainSnippet, snippetParts } from "../search/snippet";
import { StatusBadge, VerdictBadge } from "./components";
import { COUNT_CAP, formatCount } from "../newsroom/page-links";
import { ExternalLink, ExternalRating } from "./ExternalReview";

export const KIND_HEADINGS = {
  claim: "Claims",
  article: "Articles",
  evidence: "Evidence",
  external: "Other fact-checkers",
} as const;

/** The matched words marked: text only, never markup from the database. */
function Marked({ snippet }: { snippet: string }) {
  return snippetParts(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text));
}

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className="snippet">
      <Marked snippet={snippet} />
    </p>
  );
}

function ExternalHit({ hit }: { hit: SearchHit }) {
  return (
    <li className="card search-hit search-hit--external">
      <h3>
        <ExternalLink href={hit.url}>{hit.text}</ExternalLink>
      </h3>
      <p className="meta">Reviewed by {hit.title || "another fact-checker"}, not by us</p>
      <Snippet snippet={hit.snippet} />
      <p className="badges">
        <ExternalRating rating={hit.verdict} />
      </p>
    </li>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  if (hit.kind === "external") return <ExternalHit hit={hit} />;
  // A claim matched in its own words is its snippet: shown once, marked, as the link.
  const quoteMatched = hit.kind === "claim" && plainSnippet(hit.snippet) === hit.text;
  return (
    <li className="card search-hit">
      <h3>
        <a href={hit.url}>
          {quoteMatched ? <Marked snippet={hit.snippet} /> : hit.kind === "claim" ? hit.text : hit.title}
        </a>
      </h3>
      <p className="meta">
        {hit.kind === "claim" ? `In “${hit.title}”` : null}
        {hit.kind === "article" && hit.text ? hit.text : null}
        {hit.kind === "evidence" ? `Source for “${hit.text}”` : null}
      </p>
      {quoteMatched ? null : <Snippet snippet={hit.snippet} />}
      <p className="badges">
        {hit.kind !== "article" ? <VerdictBadge verdict={hit.verdict} /> : null}
        {hit.status ? <StatusBadge status={hit.status} /> : null}
      </p>
    </li>
  );
}

const LIST = new Intl.ListFormat("en", { type: "conjunction" });

/** What one match of a kind is called, and several. */
const KIND_NOUNS: Record<SearchKind, [one: string, several: string]> = {
  claim: ["claim", "claims"],
  article: ["article", "articles"],
  evidence: ["source", "sources"],
  external: ["review by another fact-checker", "reviews by other fact-checkers"],
};

/**
 * How many match, in a few words ("18 sources match “chip”", "36 matches for “chip”"): the start
 * of the status line, and the page's title, which a screen reader reads first on a new page.
 */
export function searchSummary(q: string, kind: SearchKind | undefined, groups: SearchGroup[]): string {
  const found = groups.reduce((sum, g) => sum + g.total, 0);
  if (found === 0) return `Nothing matches “${q}”`;
  const count = groups.some((g) => g.total > COUNT_CAP)
    ? formatCount(COUNT_CAP + 1)
    : found.toLocaleString("en");
  return kind
    ? `${count} ${KIND_NOUNS[kind][found === 1 ? 0 : 1]} ${found === 1 ? "matches" : "match"} “${q}”`
    : `${count} ${found === 1 ? "match" : "matches"} for “${q}”`;
}

/**
 * The page's status line, which a screen reader announces: how many match and, where search
 * ranked only some of them (decision 026) or the page is past them, which and how to reach the rest.
 */
export function searchStatus(q: string, kind: SearchKind | undefined, groups: SearchGroup[]): string {
  const found = groups.reduce((sum, g) => sum + g.total, 0);
  const summary = searchSummary(q, kind, groups);
  if (found === 0)
    return q.trim().includes(" ")
      ? `${summary}. Search finds what holds every word you typed: fewer words find more.`
      : `${summary}.`;
  if (kind) {
    const lead = `${summary}, best first.`;
    const shown = groups.reduce((sum, g) => sum + g.hits.length, 0);
    const note = standingNote(found, shown, NARROW_KIND[kind]);
    return note ? `${lead} ${note}` : lead;
  }
  const lead = `${summary}, best first in each kind.`;
  const capped = groups.filter((g) => g.total > COUNT_CAP);
  if (capped.length === 0) return lead;
  const kinds = LIST.format(capped.map((g) => KIND_NOUNS[g.kind][1]));
  const each = capped.length > 1 ? " of each" : "";
  return `${lead} Of ${kinds}, only the ${formatCount(COUNT_CAP)} most recently added${each} are ranked.`;
}

/**
 * Under a kind's heading, when all kinds are shown: nothing found, or how its matches were ranked
 * and how to reach the rest. A page of one kind says it in its status line instead.
 */
function GroupNote({ group, single }: { group: SearchGroup; single: boolean }) {
  if (group.total === 0) return <p>{`No ${KIND_NOUNS[group.kind][1]} match.`}</p>;
  const note = single ? null : standingNote(group.total, group.hits.length, NARROW_KIND[group.kind]);
  return note ? <p className="meta">{note}</p> : null;
}

export function SearchGroups({
  groups,
  showAll,
}: {
  groups: SearchGroup[];
  /** The address that lists every match of one kind, or null when only one kind is shown. */
  showAll: ((kind: SearchGroup["kind"]) => string) | null;
}) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`results-${group.kind}`} className="search-group">
          <h2 id={`results-${group.kind}`}>
            {KIND_HEADINGS[group.kind]} <span className="count">({formatCount(group.total)})</span>
          </h2>
          <GroupNote group={group} single={showAll === null} />
          <ul className="card-list">
            {group.hits.map((hit) => (
              <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />
            ))}
          </ul>
          {showAll && group.total > group.hits.length ? (
            <p>
              <a href={showAll(group.kind)}>
                {group.total > COUNT_CAP
                  ? `The ${formatCount(COUNT_CAP)} most recently added ${KIND_NOUNS[group.kind][1]}, best first`
                  : `All ${formatCount(group.total)} ${KIND_NOUNS[group.kind][1]}`}
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
