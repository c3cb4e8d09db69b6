import { Fragment } from "react";
import { formatNumber, shortSource } from "../reference/check";
import { citesEpoch, EpochCredit, FigureStatus } from "../reference/ReferenceCredit";
import { safeHref } from "../ui/components";
import { figureNotes, MEASURE_LABELS, unitText, valueText } from "../ui/QuantitiesTable";
import type { PublishedClaim } from "./snapshot";

/**
 * A published claim's figures, as the language layer read them, and those the reference for
 * the hardware it names can check, each with its source. Compact (a definition list, a small
 * table) because a fact-check page carries many claims; evidence for readers, never a verdict.
 */
export function ClaimFigures({ claim }: { claim: PublishedClaim }) {
  const { figures, referenceChecks: checks } = claim;
  if (figures.length === 0 && checks.length === 0) return null;
  const disagreeing = checks.filter((check) => check.agrees === false);
  return (
    <>
      {figures.length > 0 ? (
        <>
          <h3>Figures</h3>
          <dl className="figures">
            {figures.map((figure, i) => {
              const notes = figureNotes(figure);
              return (
                <Fragment key={i}>
                  <dt>“{figure.text}”</dt>
                  <dd>
                    {MEASURE_LABELS[figure.measure]}: {valueText(figure)} {unitText(figure.unit)}
                    {notes ? ` (${notes})` : ""}
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        </>
      ) : null}
      {checks.length > 0 ? (
        <>
          {disagreeing.length > 0 ? (
            <ul className="notice" role="note" aria-label="Figures that disagree with the reference">
              {disagreeing.map((check, i) => (
                <li key={i}>{check.note}</li>
              ))}
            </ul>
          ) : null}
          <table className="reference-checks">
            <caption>The claim’s figures against the hardware reference (evidence, not a verdict)</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">The claim</th>
                <th scope="col">Reference</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((check, i) => (
                <tr key={i}>
                  <th scope="row">
                    {check.hardware}, {check.metric}
                  </th>
                  <td>{check.claimed}</td>
                  <td>
                    {check.value === null ? "—" : `${formatNumber(check.value)} ${check.unit}`}
                    {check.sources.map((source, j) => (
                      <span key={j}>
                        {" "}
                        (
                        {source.url ? (
                          <a href={safeHref(source.url)} rel="nofollow">
                            {shortSource(source.name)}
                          </a>
                        ) : (
                          shortSource(source.name)
                        )}
                        )
                      </span>
                    ))}
                  </td>
                  <td>
                    <FigureStatus agrees={check.agrees} unknown="Not in the reference" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {citesEpoch(checks.flatMap((check) => check.sources)) ? <EpochCredit /> : null}
        </>
      ) : null}
    </>
  );
}
