import type { HistoryEntry } from "../newsroom/history";
import { formatDate } from "./components";

/** An audit trail: who, when, what, with before and after values. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
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
