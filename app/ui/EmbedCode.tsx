import { useState, type ReactNode } from "react";
import { useHydrated } from "./hydrated";

/**
 * "Embed this claim": the code to paste, in a read-only text area a person can select, and a
 * copy button where script can copy (the caller supplies it: enhanced by /fact-check.js on
 * public pages, by React in the app).
 */
export function EmbedCode({
  id,
  code,
  copyButton,
  open = false,
}: {
  id: string;
  code: string;
  copyButton?: ReactNode;
  /** On a page of its own, whose heading already says "Embed this claim": shown, not folded. */
  open?: boolean;
}) {
  const parts = (
    <>
      <label htmlFor={id}>Code to paste into your page</label>
      <textarea id={id} readOnly rows={rowsForCode(code)} value={code} />
      {copyButton}
    </>
  );
  if (open) return <div className="embed-code">{parts}</div>;
  return (
    <details className="embed-code">
      <summary>Embed this claim</summary>
      {parts}
    </details>
  );
}

/**
 * Rows enough for the whole code at a phone's width (about 40 characters a line). Browsers that
 * size a text area to its content (CSS field-sizing) use the exact height instead.
 */
const rowsForCode = (code: string) => Math.ceil(code.length / 40);

/** The copy button in the app, where React runs: shown only once it can work. */
export function CopyEmbedButton({ target }: { target: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<string | null>(null);
  if (!hydrated) return null;
  const copy = () => {
    const code = document.getElementById(target) as HTMLTextAreaElement | null;
    if (!code) return;
    code.select();
    const byHand = () => setCopied("Select the code and copy it (Ctrl+C or ⌘C).");
    // Only secure pages (https, localhost) have a clipboard to write to.
    if (!navigator.clipboard) return byHand();
    navigator.clipboard.writeText(code.value).then(() => setCopied("Copied."), byHand);
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={copy}>
        Copy code
      </button>{" "}
      <span role="status">{copied}</span>
    </>
  );
}

/** The claim page's "Embed this claim", once the latest published version includes the claim. */
export function ClaimEmbed({ embed }: { embed: { code: string } | null }) {
  if (!embed) return null;
  return <EmbedCode id="embed-code" code={embed.code} copyButton={<CopyEmbedButton target="embed-code" />} />;
}
