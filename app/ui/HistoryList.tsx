import type { HistoryEntry } from "../newsroom/history";
import type { DiffBlock } from "../utils/text-diff";
import { formatDate } from "./components";

/** An audit trail: who, when, what, with before and after values, and a correction's text change. */
export function HistoryList({
  entries,
  empty = "No changes recorded yet.",
}: {
  entries: HistoryEntry[];
  empty?: string;
}) {
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ol className="history">
      {entries.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{e.actor}</strong> {e.action} {e.entity}{" "}
            <span className="meta">
              · {formatDate(e.at)}, {e.at.slice(11, 16)} UTC
            </span>
          </p>
          {e.diff ? <TextDiff blocks={e.diff} /> : null}
          {e.changes.length > 0 ? (
            <table className="table changes">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {e.changes.map((c) => (
                  <tr key={c.field}>
                    <td>{c.field}</td>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Removed words struck through and added words underlined, each also named in words for screen readers. */
function TextDiff({ blocks }: { blocks: DiffBlock[] }) {
  if (!blocks.some((b) => b.kind === "changed")) return <p className="meta">The text did not change.</p>;
  return (
    <div className="text-diff" role="group" aria-label="What changed in the text">
      {blocks.map((block, i) =>
        block.kind === "unchanged" ? (
          <p key={i} className="text-diff__unchanged">
            … {block.paragraphs} unchanged {block.paragraphs === 1 ? "paragraph" : "paragraphs"} …
          </p>
        ) : block.kind === "more" ? (
          <p key={i} className="text-diff__unchanged">
            … and {block.changed} more changed {block.changed === 1 ? "passage" : "passages"}, not shown here.
          </p>
        ) : (
          <p key={i} className="text-diff__changed">
            {block.parts.map((part, j) =>
              part.kind === "same" ? (
                <span key={j}>{part.text}</span>
              ) : part.kind === "removed" ? (
                <del key={j}>
                  <span className="visually-hidden">[removed: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <ins key={j}>
                  <span className="visually-hidden">[added: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ),
            )}
          </p>
        ),
      )}
    </div>
  );
}
