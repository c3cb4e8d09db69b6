import { cloneElement, isValidElement, type ReactNode } from "react";
import { useFocusOnArrival } from "./focus";

export const STYLESHEET = "/claimdesk.css";

/**
 * An external link target, or undefined when it is not http(s) or mailto. Inputs are validated
 * when saved; this keeps a bad value that slipped through (an old snapshot, an import) inert.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" || parsed.protocol === "mailto:"
      ? parsed.toString()
      : undefined;
  } catch {
    return undefined;
  }
}
import { statusLabel, verdictLabel } from "../newsroom/verdicts";

export function VerdictBadge({ verdict }: { verdict: string | null }) {
  return (
    <span className={`verdict verdict--${verdict ?? "none"}`}>
      <span className="verdict__icon" aria-hidden="true">
        {VERDICT_ICONS[verdict ?? "none"] ?? "•"}
      </span>
      {verdictLabel(verdict)}
    </span>
  );
}

const VERDICT_ICONS: Record<string, string> = {
  accurate: "✓",
  "mostly-accurate": "≈",
  mixed: "±",
  misleading: "!",
  inaccurate: "✗",
  unsupported: "?",
  none: "•",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status--${status}`}>{statusLabel(status)}</span>;
}

export function Field({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  // The control learns its hint and error, so screen readers read them with it.
  const own = isValidElement<Record<string, unknown>>(children)
    ? children.props["aria-describedby"]
    : undefined;
  const describedBy = [
    ...new Set([
      typeof own === "string" ? own : "",
      hint ? `${name}-hint` : "",
      error ? `${name}-error` : "",
    ]),
  ]
    .filter(Boolean)
    .join(" ");
  const control = isValidElement<Record<string, unknown>>(children)
    ? cloneElement(children, {
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": true } : {}),
      })
    : children;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p className="field__error" id={`${name}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({
  error,
  success,
  focusOn,
}: {
  error?: string | null;
  success?: string | null;
  /**
   * The action's answer, when the same error can come back from a new submission. An error takes
   * focus each time it arrives (autofocus on a page loaded without JavaScript), so a keyboard or
   * screen reader user learns of it at once, wherever on the page the form is.
   */
  focusOn?: unknown;
}) {
  const ref = useFocusOnArrival<HTMLParagraphElement>(focusOn ?? error);
  if (error)
    return (
      <p className="message message--error" role="alert" ref={ref} tabIndex={-1} autoFocus>
        {error}
      </p>
    );
  if (success)
    return (
      <p className="message message--success" role="status">
        {success}
      </p>
    );
  return null;
}

// One formatter each, made once: building a formatter per call (what toLocaleDateString does)
// was a fifth of the CPU time of a list page that shows a date per row.
const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(iso: string | Date): string {
  return DAY.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** Source dates come as 2025-08-29, 2025-08 or 2025. */
export function formatPartialDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T00:00:00Z`);
  if (/^\d{4}-\d{2}$/.test(value)) return MONTH.format(new Date(`${value}-01T00:00:00Z`));
  return value;
}

/** The name of the person a claim is assigned to, among the desk's active members. */
export function assigneeName(
  members: ReadonlyArray<{ id: number; name: string }>,
  assigneeId: number | null,
): string {
  if (assigneeId === null) return "nobody";
  return members.find((m) => m.id === assigneeId)?.name ?? "a former member";
}

/** The detector's reasons for proposing a claim, folded away. */
export function CheckWorthyReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <details>
      <summary>Why this is check-worthy</summary>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </details>
  );
}
