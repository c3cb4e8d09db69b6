import { useEffect, useRef } from "react";
import { useHydrated } from "./hydrated";

/** Whether a key press is someone typing (in a field) rather than a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  return Boolean(target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
}

/** Focuses the claim `step` places from the focused one in the list, and shows it in the text. */
function moveToClaim(step: 1 | -1) {
  const items = Array.from(document.querySelectorAll<HTMLElement>(".claim-list .claim-item"));
  if (items.length === 0) return;
  const current = items.findIndex((item) => item.contains(document.activeElement));
  const next = current === -1 ? (step === 1 ? 0 : items.length - 1) : current + step;
  const item = items[Math.min(Math.max(next, 0), items.length - 1)]!;
  const mark = document.getElementById(item.id.replace("claim-item-", "claim-"));
  mark?.scrollIntoView({ block: "center" });
  item.focus({ preventScroll: true });
  item.scrollIntoView({ block: "nearest" });
}

/**
 * With JavaScript, keyboard shortcuts on the workbench: j and k move to the next and previous
 * claim, ? lists the shortcuts. Keys typed into a field are left alone. Without JavaScript there
 * are none, and the page does not mention them.
 */
export function WorkbenchShortcuts() {
  const enabled = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || dialog.current?.open) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        moveToClaim(event.key === "j" ? 1 : -1);
      } else if (event.key === "?") {
        event.preventDefault();
        dialog.current?.showModal();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  if (!enabled) return null;
  return (
    <>
      <p className="hint shortcuts-hint">
        Keyboard: <kbd>j</kbd> next claim, <kbd>k</kbd> previous claim,{" "}
        <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
          <kbd>?</kbd> all shortcuts
        </button>
      </p>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <dl>
          <dt>
            <kbd>j</kbd>
          </dt>
          <dd>Next claim: focuses it in the list and shows it in the text</dd>
          <dt>
            <kbd>k</kbd>
          </dt>
          <dd>Previous claim</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>This list</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>Close this list</dd>
        </dl>
        <p className="hint">Shortcuts do nothing while you type in a field.</p>
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
