import {
  NARROW_KIND,
  pastLastMatch,
  rankedNewestNote,
  type SearchGroup,
  type SearchHit,
} from "../search/results";
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

/** Under a kind's heading: nothing found, a page past the last match, or how its matches were ranked. */
function GroupNote({ group }: { group: SearchGroup }) {
  const narrow = NARROW_KIND[group.kind];
  if (group.hits.length === 0)
    return (
      <p>
        {group.total === 0
          ? `No ${KIND_HEADINGS[group.kind].toLowerCase()} match.`
          : pastLastMatch(group.total, narrow)}
      </p>
    );
  const note = rankedNewestNote(group.total, narrow);
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
          <GroupNote group={group} />
          <ul className="card-list">
            {group.hits.map((hit) => (
              <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />
            ))}
          </ul>
          {showAll && group.total > group.hits.length ? (
            <p>
              <a href={showAll(group.kind)}>
                {group.total > COUNT_CAP
                  ? `The ${formatCount(COUNT_CAP)} most recently added ${KIND_HEADINGS[group.kind].toLowerCase()}, best first`
                  : `All ${formatCount(group.total)} ${KIND_HEADINGS[group.kind].toLowerCase()}`}
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
