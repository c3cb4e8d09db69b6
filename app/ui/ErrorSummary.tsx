import { useFocusOnArrival } from "./focus";

/**
 * The form's problems, first on the page: a heading, then a link to each control at fault. It
 * takes focus when it appears (autofocus without JavaScript, focus() after a client-side
 * submission), so a phone shows it rather than leaving the reader at the button 9,000 px below.
 */
export function ErrorSummary({
  title,
  errors,
  label,
}: {
  title: string;
  errors: Record<string, string>;
  /** What each control is called, by id, when the message alone does not say. */
  label?: (id: string) => string | undefined;
}) {
  const ref = useFocusOnArrival<HTMLDivElement>(errors);
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
      autoFocus
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([id, message]) => (
          <li key={id}>
            <a href={`#${id}`}>
              {label?.(id) ? `${label(id)}: ` : ""}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
