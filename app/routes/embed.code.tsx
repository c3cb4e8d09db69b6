import type { Route } from "./+types/embed.code";
import { parseId } from "../utils/http.server";
import { findPublishedClaim, publisher } from "../publishing/publications.server";
import { notFoundPage } from "../publishing/page.server";
import { claimPermalink, embedCode, embedPath } from "../publishing/links";
import { verdictLabel } from "../newsroom/verdicts";
import { CopyEmbedButton, EmbedCode } from "../ui/EmbedCode";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Embed claim ${loaderData?.number ?? ""} · ${loaderData?.site ?? "Claimdesk"}` },
];

/** /embed/claims/:id/code: the code another site pastes to show a published claim's card. */
export async function loader({ params }: Route.LoaderArgs) {
  const claimId = parseId(params.id, "claim");
  const found = await findPublishedClaim(claimId);
  if (!found) throw notFoundPage("This claim is not part of a published fact-check.");
  const site = publisher();
  const { snapshot, claim } = found;
  return {
    site: site.name,
    number: claim.number,
    quote: claim.quote,
    title: snapshot.article.title,
    card: embedPath(claimId),
    permalink: claimPermalink("", snapshot, claim.number),
    code: embedCode(
      site.baseUrl,
      claimId,
      `Fact-check of claim ${claim.number}: ${verdictLabel(claim.verdict)}`,
    ),
  };
}

export default function EmbedClaimCode({ loaderData }: Route.ComponentProps) {
  const { number, quote, title, card, permalink, code } = loaderData;
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <a href={permalink}>
          Claim {number} of “{title}”
        </a>
      </p>
      <h1>Embed this claim</h1>
      <p>
        “{quote}”: paste this code into a page to show the claim's card, with its verdict, rationale and
        sources. It follows the claim into later versions of the fact-check. <a href={card}>See the card</a>.
      </p>
      <EmbedCode id="embed-code" code={code} open copyButton={<CopyEmbedButton target="embed-code" />} />
    </div>
  );
}
