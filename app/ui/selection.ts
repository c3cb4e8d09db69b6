import { useEffect } from "react";
import { useHydrated } from "./hydrated";

/** With JavaScript, selecting text in the article fills the "add a claim" form. Returns whether it is on. */
export function useSelectionToQuote(
  container: React.RefObject<HTMLDivElement | null>,
  target: React.RefObject<HTMLTextAreaElement | null>,
) {
  const enabled = useHydrated();
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !container.current || !target.current) return;
      if (!container.current.contains(selection.anchorNode)) return;
      const text = selection.toString().trim();
      if (text.length >= 3) target.current.value = text;
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
  return enabled;
}
