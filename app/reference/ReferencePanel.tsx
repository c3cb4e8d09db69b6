import type { ClaimReferences } from "./check";
import { formatNumber } from "./check";
import { citesEpoch, EpochCredit, FigureStatus } from "./ReferenceCredit";

/**
 * The reference figures of the hardware a claim names, beside the claim's own figures: each with
 * its source, a disagreeing figure or comparison flagged in a sentence. Evidence for the person
 * checking the claim; it sets no verdict.
 */
export function ReferencePanel({ references, canEdit }: { references: ClaimReferences; canEdit: boolean }) {
  if (references.hardware.length === 0) return null;
  const fromEpoch = citesEpoch(references.hardware.flatMap((row) => row.figures.map((f) => f.source)));
  const flagged = [
    ...references.hardware.flatMap((row) => row.figures.filter((f) => f.agrees === false).map((f) => f.note)),
    ...references.comparisons.filter((c) => c.agrees === false).map((c) => c.note),
  ];
  return (
    <section
      className="panel reference-panel"
      id="reference-figures"
      aria-labelledby="reference-figures-title"
    >
      <h2 id="reference-figures-title">Reference figures</h2>
      <p className="hint">
        Published figures for the hardware this claim names, to weigh against it. They are evidence, not a
        verdict.
      </p>
      {flagged.length > 0 ? (
        <div className="notice" role="note" aria-label="Figures that disagree">
          <ul>
            {flagged.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {references.hardware.map((row) => (
        <div key={row.id}>
          <h3>
            {row.name}
            {row.mention !== row.name ? <span className="meta"> (named as “{row.mention}”)</span> : null}
          </h3>
          {row.figures.length === 0 ? (
            <p className="meta">The reference has no figures for it yet.</p>
          ) : (
            <table className="table table--stack">
              <caption className="visually-hidden">Reference figures for {row.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col">Reference</th>
                  <th scope="col">The claim</th>
                  <th scope="col">Check</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {row.figures.map((figure) => (
                  <tr key={figure.metric}>
                    <th scope="row">{figure.label}</th>
                    <td data-label="Reference">
                      {formatNumber(figure.value)} {figure.unit}
                    </td>
                    <td data-label="The claim">{figure.claimed ?? "—"}</td>
                    <td data-label="Check">
                      <FigureStatus agrees={figure.agrees} unknown="Not stated in the claim" />
                    </td>
                    <td data-label="Source">
                      {figure.source.url ? (
                        <a href={figure.source.url} rel="noopener noreferrer">
                          {figure.source.name}
                        </a>
                      ) : (
                        figure.source.name
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canEdit ? (
            <p className="meta">
              <a href={`/reference?q=${encodeURIComponent(row.name)}`}>Correct the figures for {row.name}</a>
            </p>
          ) : null}
        </div>
      ))}
      {references.comparisons.length > 0 ? (
        <>
          <h3>Comparisons</h3>
          <ul>
            {references.comparisons.map((comparison) => (
              <li key={comparison.note}>
                {comparison.agrees === false ? (
                  <strong className="reference-disagrees">Contradicted: </strong>
                ) : null}
                {comparison.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {fromEpoch ? <EpochCredit /> : null}
    </section>
  );
}
