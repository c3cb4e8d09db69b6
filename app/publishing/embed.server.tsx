import { createHash } from "node:crypto";
import { project } from "../claims/projection";
import { STANCE_LABELS, verdictLabel } from "../newsroom/verdicts";
import { cutAtWord } from "../utils/words";
import { formatDate, formatPartialDate, safeHref } from "../ui/components";
import { claimPermalink, type Publisher } from "./links";
import { renderDocument } from "./page.server";
import type { PublishedClaim, Snapshot } from "./snapshot";

// The card is self-contained (it lives in other sites' iframes): its style travels with it. It
// fits EMBED_HEIGHT (links.ts) at any width from 320 px without script: each part is held to a
// few lines, and the rest is on the fact-check it links to. A source keeps to one line: its
// title gives way (…) so that its stance and date always show whole. The style is allowed by
// 'unsafe-inline' (CARD_CSP), not a hash: only the script's hash must follow the script. The page behind it shows through
// (the body is transparent), so an iframe taller than its card looks like the page's own space.
const CARD_STYLE = `
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1f24;background:transparent}
.card{border:1px solid #d5d9de;border-left:5px solid #10243a;border-radius:6px;padding:10px 14px;max-width:38rem;background:#fff}
p,ul{margin:6px 0}
.brand{font:700 13px Georgia,serif;margin:0;color:#10243a;text-transform:uppercase;letter-spacing:.06em}
.brand{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
li{display:flex;white-space:nowrap}li a{overflow:hidden;text-overflow:ellipsis;min-width:0}.stance{flex:none;margin-right:.3em}.date{flex:none;margin-left:.3em}
.lines-2,.lines-5{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
.lines-2{-webkit-line-clamp:2;line-clamp:2}.lines-5{-webkit-line-clamp:5;line-clamp:5}
blockquote{font:17px/1.4 Georgia,"DejaVu Serif",serif;margin:6px 0}
.verdict{display:inline-block;font-weight:700;font-size:13px;padding:1px 8px;border-radius:999px;border:1px solid currentColor}
.v-accurate{color:#17653a;background:#e3f3e8}.v-mostly-accurate{color:#0f5c6e;background:#dff0f3}.v-mixed{color:#7a5200;background:#fcf1d6}
.v-misleading{color:#8a3b00;background:#fde6d4}.v-inaccurate{color:#a61b1b;background:#fbe1e1}.v-unsupported{color:#4b3b8f;background:#ebe7f9}
ul{padding-left:18px}a{color:#0b5394}.meta{color:#4f5761;font-size:13px}`;

/**
 * Tells the page around the card how tall it is, whenever that changes (a narrower frame wraps
 * more lines), so that the embed code's own script can fit the iframe to it
 * (`embedCode` in links.ts). Only a height is said, so any page may hear it ("*").
 */
const CARD_SCRIPT = `(function(){if(parent===window)return;var d=document.documentElement;function tell(){parent.postMessage({claimdeskCardHeight:Math.ceil(d.getBoundingClientRect().height)},"*")}if(window.ResizeObserver)new ResizeObserver(tell).observe(d);else addEventListener("load",tell)})()`;

/**
 * The card's Content-Security-Policy. Its one script is allowed by its hash, not a nonce
 * (decision 013): the card is the same bytes for every request, and the static export writes
 * them to a file (app/publishing/site-export.server.ts), where no nonce could change.
 */
export const CARD_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash("sha256").update(CARD_SCRIPT).digest("base64")}'`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

/** The rationale as plain text (its Markdown read, never its HTML), cut at a word to fit a card. */
export const rationaleSummary = (markdown: string) =>
  cutAtWord(project(markdown).text.replace(/\s+/g, " ").trim(), RATIONALE_LENGTH, "…");

const RATIONALE_LENGTH = 280;

/**
 * The card of a claim as a snapshot publishes it, rendered once per snapshot kept in memory
 * (findPublishedClaim keeps them): a version never changes, and a card read in partners' pages is
 * asked for on every one of their views.
 */
const cardsBySnapshot = new WeakMap<Snapshot, Map<string, string>>();

export function claimCard(snapshot: Snapshot, claim: PublishedClaim, publisher: Publisher): string {
  let cards = cardsBySnapshot.get(snapshot);
  if (!cards) cardsBySnapshot.set(snapshot, (cards = new Map()));
  const key = `${claim.id}\n${publisher.baseUrl}\n${publisher.name}`;
  let card = cards.get(key);
  if (card === undefined) cards.set(key, (card = renderClaimCard(snapshot, claim, publisher)));
  return card;
}

export function renderClaimCard(snapshot: Snapshot, claim: PublishedClaim, publisher: Publisher): string {
  const permalink = claimPermalink(publisher.baseUrl, snapshot, claim.number);
  return renderDocument(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${verdictLabel(claim.verdict)}: “${claim.quote}” · ${publisher.name}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CARD_STYLE }} />
      </head>
      <body>
        <main className="card">
          <h1 className="brand">{publisher.name} fact-check</h1>
          <p className="meta lines-2">
            Claim {claim.number} of “{snapshot.article.title}”
          </p>
          <blockquote className="lines-5">“{claim.quote}”</blockquote>
          <p className="lines-2">
            <span className={`verdict v-${claim.verdict}`}>{verdictLabel(claim.verdict)}</span>
            {snapshot.article.outlet ? ` · claimed in ${snapshot.article.outlet}` : ""}
          </p>
          <p className="rationale lines-5">{rationaleSummary(claim.rationale)}</p>
          {claim.evidence.length > 0 ? (
            <ul aria-label="Top sources">
              {claim.evidence.slice(0, 3).map((e, i) => (
                <li key={i}>
                  <span className="stance">{STANCE_LABELS[e.stance]}: </span>
                  <a href={safeHref(e.url)} target="_blank" rel="nofollow noopener">
                    {e.title || e.publisher || new URL(e.url).host}
                  </a>
                  {e.publishedOn ? <span className="date">· {formatPartialDate(e.publishedOn)}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="meta">
            <a href={permalink} target="_blank" rel="noopener">
              Read the full fact-check
            </a>{" "}
            · version {snapshot.number}, {formatDate(snapshot.publishedAt)}
          </p>
        </main>
        <script dangerouslySetInnerHTML={{ __html: CARD_SCRIPT }} />
      </body>
    </html>,
  );
}
