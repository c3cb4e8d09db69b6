import { createHash } from "node:crypto";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { can, type Role } from "../auth/roles";
import { verdictLabel } from "../newsroom/verdicts";
import { STYLESHEET } from "../ui/components";
import { PUBLIC_NAV, SiteFrame } from "../ui/SiteFrame";
import { renderAnnotated, renderMarkdown, type Highlight } from "./annotate";
import { claimReviews } from "./claim-review";
import { FactCheckView } from "./FactCheckView";
import { factCheckPath, versionPath, type Publisher } from "./links";
import type { PublicationEntry, Snapshot } from "./snapshot";
import { xmlSafe } from "./xml-safe";

/** JSON inside <script> must not be able to close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

interface DocumentProps {
  title: string;
  description: string;
  canonical?: string;
  head?: ReactNode;
  children: ReactNode;
}

/** The public site's document: the same look as the app, no client-side React, no inline script. */
export function PublicDocument({ title, description, canonical, head, children }: DocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <link rel="stylesheet" href={STYLESHEET} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="Published fact-checks"
          href="/fact-checks.atom"
        />
        {head}
      </head>
      <body>
        <SiteFrame nav={PUBLIC_NAV} account={<a href="/login">Sign in</a>}>
          {children}
        </SiteFrame>
        <script src="/fact-check.js" defer />
      </body>
    </html>
  );
}

/** The account corner every stored page is rendered with: for anonymous readers, who are most. */
const ANONYMOUS_ACCOUNT = renderToStaticMarkup(<a href="/login">Sign in</a>);

/**
 * A stored page as a signed-in member of the desk sees it: their name and a way back to the desk
 * instead of "Sign in". Only the account corner changes; the stored bytes stay as published.
 */
export function withAccount(page: string, user: { name: string; role: Role }): string {
  const account = renderToStaticMarkup(
    <>
      <span className="account__name">{user.name}</span>{" "}
      {can(user.role, "read-drafts") ? <a href="/desk">Desk</a> : <a href="/settings">Settings</a>}
    </>,
  );
  const stored = `<div class="account">${ANONYMOUS_ACCOUNT}</div>`;
  return page.replace(stored, () => `<div class="account">${account}</div>`);
}

/** Every public HTML document (pages, embeds, their JSON-LD) passes here. */
export const renderDocument = (element: ReactNode) =>
  "<!DOCTYPE html>" + xmlSafe(renderToStaticMarkup(element));

export function highlightsFor(snapshot: Snapshot): Highlight[] {
  return snapshot.claims.map((c) => ({
    start: c.start,
    end: c.end,
    claimId: String(c.id),
    className: `claim claim--${c.verdict}`,
    anchorId: `claim-${c.number}`,
    ref: {
      href: `#claim-note-${c.number}`,
      text: `${c.number} ${verdictLabel(c.verdict)}`,
      label: `Claim ${c.number}: ${verdictLabel(c.verdict)}`,
    },
  }));
}

/** The complete HTML of one version's public page, in its "latest" or "archived" (/v/:n) form. */
export function renderFactCheckPage(
  snapshot: Snapshot,
  history: PublicationEntry[],
  variant: "latest" | "archived",
  publisher: Publisher,
): string {
  const path =
    variant === "latest"
      ? factCheckPath(snapshot.article.slug)
      : versionPath(snapshot.article.slug, snapshot.number);
  const n = snapshot.claims.length;
  return renderDocument(
    <PublicDocument
      title={`Fact-check: ${snapshot.article.title} · ${publisher.name}`}
      description={`${n} ${n === 1 ? "claim" : "claims"} checked in “${snapshot.article.title}”${snapshot.article.outlet ? ` (${snapshot.article.outlet})` : ""}.`}
      canonical={publisher.baseUrl + path}
      head={
        <>
          <link
            rel="alternate"
            type="application/ld+json"
            href={`${factCheckPath(snapshot.article.slug)}/annotations.jsonld`}
          />
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{
              __html: jsonForScript({
                "@context": "https://schema.org",
                "@graph": claimReviews(snapshot, publisher).map(({ "@context": _, ...review }) => review),
              }),
            }}
          />
        </>
      }
    >
      <FactCheckView
        snapshot={snapshot}
        history={history.filter((h) => h.number <= snapshot.number)}
        variant={variant}
        articleHtml={renderAnnotated(snapshot.article.markdown, highlightsFor(snapshot))}
        rationaleHtml={snapshot.claims.map((c) => renderMarkdown(c.rationale))}
      />
    </PublicDocument>,
  );
}

/** A strong validator for stored bytes. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** A public 404 page, in the site's look. */
export function notFoundPage(message: string): Response {
  const body = renderDocument(
    <PublicDocument title="Not found · Claimdesk" description={message}>
      <div className="page narrow">
        <h1>Not found</h1>
        <p>{message}</p>
        <p>
          <a href="/fact-checks">See all published fact-checks</a>
        </p>
      </div>
    </PublicDocument>,
  );
  return new Response(body, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
