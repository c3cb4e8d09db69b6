import { verdictLabel, type Stance } from "../newsroom/verdicts";
import { claimPermalink, factCheckPath, type Publisher } from "./links";
import type { PublishedClaim, Snapshot } from "./snapshot";
import { xmlSafeJson } from "./xml-safe";

const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

const STANCE_CLAUSES: Record<Stance, string> = {
  supports: "This source supports the claim",
  refutes: "This source refutes the claim",
  context: "This source gives context to the claim",
};

/**
 * The publication as a W3C Web Annotation Data Model collection: one Annotation per claim,
 * targeting the original article with a TextQuoteSelector and a TextPositionSelector (offsets in
 * Claimdesk's text projection of the article), with bodies for the verdict (assessing), the
 * rationale (commenting) and each source (a link, then its stance in words: describing).
 */
export function annotationCollection(snapshot: Snapshot, publisher: Publisher) {
  const base = publisher.baseUrl;
  const page = `${base}${factCheckPath(snapshot.article.slug)}`;
  const collectionId = `${page}/annotations.jsonld`;
  const source = snapshot.article.sourceUrl || page;
  const creator = { id: base + "/", type: "Organization", name: publisher.name };
  const items = snapshot.claims.map((claim) => ({
    id: claimPermalink(base, snapshot, claim.number),
    type: "Annotation",
    motivation: "assessing",
    created: claim.approvedAt,
    generated: snapshot.publishedAt,
    creator,
    generator: { id: `${base}/`, type: "Software", name: "Claimdesk" },
    body: [
      {
        type: "TextualBody",
        purpose: "assessing",
        value: verdictLabel(claim.verdict),
        format: "text/plain",
        language: "en",
      },
      {
        type: "TextualBody",
        purpose: "commenting",
        value: claim.rationale,
        format: "text/markdown",
        language: "en",
      },
      ...describingBodies(claim),
      ...claim.evidence.flatMap((e) => [
        {
          id: e.url,
          type: "Text",
          format: "text/html",
          ...(e.title || e.publisher ? { title: e.title || e.publisher } : {}),
        },
        // The model has no term for a source's stance: it is said in words, right after the source.
        {
          type: "TextualBody",
          purpose: "describing",
          value: `${STANCE_CLAUSES[e.stance]}: ${e.title || e.publisher || e.url} <${e.url}>`,
          format: "text/plain",
          language: "en",
        },
      ]),
    ],
    target: {
      source,
      selector: [
        { type: "TextQuoteSelector", exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
  }));
  return xmlSafeJson({
    "@context": ANNO_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `Fact-check of “${snapshot.article.title}”, version ${snapshot.number}`,
    creator,
    created: snapshot.publishedAt,
    total: items.length,
    first: { id: `${collectionId}#page1`, type: "AnnotationPage", startIndex: 0, items },
    last: `${collectionId}#page1`,
  });
}

/** Who made the claim and when, as a describing body; each other place it appeared, as a linked resource. */
function describingBodies(claim: PublishedClaim) {
  const said = [
    claim.claimant ? `Claim made by ${claim.claimant}` : "",
    claim.claimDate ? `on ${claim.claimDate}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return [
    ...(said
      ? [
          {
            type: "TextualBody",
            purpose: "describing",
            value: `${said}.`,
            format: "text/plain",
            language: "en",
          },
        ]
      : []),
    ...claim.appearances.map((url) => ({ type: "SpecificResource", source: url, purpose: "linking" })),
  ];
}
