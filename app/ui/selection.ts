import { useEffect, useState } from "react";
import { useHydrated } from "./hydrated";

/** Elements inside the article text that are not the article's words: the claims' number badges. */
const NOT_ARTICLE_TEXT = ".claim-ref";
const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th, dt, dd";

/**
 * The article's words a range covers, as the server's projection has them: text nodes in order,
 * skipping the claims' number badges (their digits are not in the article, so a quote carrying
 * them is never found), with a line break where one block ends and the next begins.
 */
export function articleWordsIn(range: Range): string {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) {
    return root.parentElement?.closest(NOT_ARTICLE_TEXT) ? "" : range.toString();
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      range.intersectsNode(node) && !node.parentElement?.closest(NOT_ARTICLE_TEXT)
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  let words = "";
  let block: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : text.length;
    const here = node.parentElement?.closest(BLOCKS) ?? null;
    if (block && here !== block) words += "\n";
    block = here;
    words += text.slice(from, to);
  }
  return words;
}

/**
 * With JavaScript, selecting text in the article fills the "add a claim" form. Returns whether
 * that is on, and the words selected (for the floating "Add as a claim" bar), or null.
 */
export function useSelectionToQuote(
  container: React.RefObject<HTMLDivElement | null>,
  target: React.RefObject<HTMLTextAreaElement | null>,
) {
  const enabled = useHydrated();
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || !container.current || !target.current) return;
      if (selection.isCollapsed || selection.rangeCount === 0) return;
      if (!container.current.contains(selection.anchorNode)) return;
      const text = articleWordsIn(selection.getRangeAt(0)).trim();
      if (text.length < 3) return;
      target.current.value = text;
      setSelected(text);
    };
    // selectionchange covers keyboard and script selections; mouseup and keyup catch the end of a drag.
    const area = container.current;
    document.addEventListener("selectionchange", onSelection);
    area?.addEventListener("mouseup", onSelection);
    area?.addEventListener("keyup", onSelection);
    return () => {
      document.removeEventListener("selectionchange", onSelection);
      area?.removeEventListener("mouseup", onSelection);
      area?.removeEventListener("keyup", onSelection);
    };
  }, [container, target]);
  return { enabled, selected, clear: () => setSelected(null) };
}
