import type { StateCore, Token } from "markdown-it";
import { createMarkdown, type MarkdownItInstance } from "../claims/markdown";
import { partsOfTokens, pickPart, type TextPart } from "../claims/parts";
import type { Highlight } from "../claims/highlight";
import { forEachTextBlock, inlineText } from "../claims/projection";

export type { Highlight };

/**
 * markdown-it plugin: wraps every highlighted span in <mark data-claim="…">, splitting text
 * tokens at claim boundaries. It walks the tokens exactly as the projection does, so offsets
 * agree; a claim crossing inline formatting gets one <mark> per piece, never crossing a tag.
 */
export function claimHighlights(md: MarkdownItInstance): void {
  md.core.ruler.push("claim_highlights", applyHighlights);
  md.renderer.rules.claim_ref = (tokens, idx) => {
    const { href, text, label } = tokens[idx]!.meta as Highlight["ref"];
    const esc = md.utils.escapeHtml;
    if (!/^(#|\/(?!\/))/.test(href)) throw new Error("claim references link within the site only");
    return `<sup class="claim-ref"><a href="${esc(href)}" aria-label="${esc(label)}">${esc(text)}</a></sup>`;
  };
}

function applyHighlights(state: StateCore): void {
  const highlights = ((state.env as { highlights?: Highlight[] } | undefined)?.highlights ??
    []) as Highlight[];
  if (highlights.length === 0) return;
  forEachTextBlock(state.tokens, (inline, blockStart) => {
    const out: Token[] = [];
    let offset = blockStart;
    for (const child of inline.children ?? []) {
      const length = inlineText(child).length;
      const end = offset + length;
      const touching = highlights.filter((h) => h.start < end && offset < h.end);
      if ((child.type === "text" || child.type === "code_inline") && touching.length > 0) {
        out.push(...splitAtHighlights(state, child, offset, touching));
      } else {
        out.push(child);
      }
      offset = end;
    }
    inline.children = out;
  });
}

function splitAtHighlights(state: StateCore, child: Token, offset: number, highlights: Highlight[]): Token[] {
  const end = offset + child.content.length;
  const cuts = new Set([offset, end]);
  for (const h of highlights) {
    if (h.start > offset && h.start < end) cuts.add(h.start);
    if (h.end > offset && h.end < end) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Token[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = new state.Token(child.type, child.tag, 0);
    piece.content = child.content.slice(from - offset, to - offset);
    piece.markup = child.markup;
    const covering = highlights.filter((h) => h.start <= from && to <= h.end);
    if (covering.length === 0) {
      out.push(piece);
      continue;
    }
    const open = new state.Token("claim_mark_open", "mark", 1);
    open.attrSet("data-claim", covering.map((h) => h.claimId).join(" "));
    open.attrSet("class", covering.map((h) => h.className).join(" "));
    const first = covering.find((h) => h.start === from);
    if (first) open.attrSet("id", first.anchorId);
    out.push(open, piece, new state.Token("claim_mark_close", "mark", -1));
    for (const h of covering.filter((c) => c.end === to)) {
      const ref = new state.Token("claim_ref", "", 0);
      ref.meta = h.ref;
      out.push(ref);
    }
  }
  return out;
}

/**
 * Embedded markdown sits under the page's own h1 and section h2s: its headings start at h3,
 * so the page keeps one h1 and an unbroken outline.
 */
export function demoteHeadings(md: MarkdownItInstance): void {
  const demote = (tag: string) => `h${Math.min(6, Number(tag.slice(1)) + 2)}`;
  md.core.ruler.push("demote_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") token.tag = demote(token.tag);
    }
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

/**
 * An image in an article or rationale would be fetched from its host by every reader's browser,
 * telling that host who reads which fact-check (docs/decisions/010-no-third-party-images.md).
 * It is shown as a link naming the image and its host instead; the reader may follow it. Inside
 * a link (a linked image) it is the label only, as links cannot nest.
 */
export function imagesAsLinks(md: MarkdownItInstance): void {
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet("src") ?? "");
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
    const host = hostOf(src);
    const label = md.utils.escapeHtml(`[image${alt ? `: ${alt}` : ""}]${host ? ` (${host})` : ""}`);
    const depth = tokens
      .slice(0, idx)
      .reduce((open, t) => open + (t.type === "link_open" ? 1 : t.type === "link_close" ? -1 : 0), 0);
    if (depth > 0) return `<span class="image-link">${label}</span>`;
    return `<a class="image-link" href="${md.utils.escapeHtml(src)}" rel="nofollow noopener noreferrer">${label}</a>`;
  };
}

const annotator = createMarkdown().use(claimHighlights).use(demoteHeadings).use(imagesAsLinks);
const plain = createMarkdown().use(demoteHeadings).use(imagesAsLinks);
const guide = createMarkdown().set({ breaks: false });

/** The article's markdown as HTML with the given spans highlighted. */
export function renderAnnotated(markdownSource: string, highlights: Highlight[]): string {
  return annotator.render(markdownSource, { highlights });
}

/**
 * Part `part` of the article's markdown (claims/parts.ts) as HTML with the given spans
 * highlighted; their offsets are those of the whole text, as the part's `start` and `end` are.
 */
export function renderAnnotatedPart(
  markdownSource: string,
  highlights: Highlight[],
  part: number,
  partChars: number,
): TextPart & { html: string } {
  const env = { highlights };
  const tokens = annotator.parse(markdownSource, env);
  const found = pickPart(partsOfTokens(tokens, partChars), part);
  const html = annotator.renderer.render(
    tokens.slice(found.fromToken, found.toToken),
    annotator.options,
    env,
  );
  return { ...found, html };
}

/** Markdown (rationales, notes) as safe HTML: no raw HTML, links only http, https and mailto. */
export function renderMarkdown(source: string): string {
  return plain.render(source);
}

/**
 * Our own documentation (docs/*.md) as HTML: headings kept, wrapped lines joined. Code blocks
 * can scroll sideways, so they take keyboard focus.
 */
export function renderGuide(source: string): string {
  return guide.render(source).replaceAll("<pre>", '<pre tabindex="0">');
}
