import { Fragment } from "react";
import { formatNumber, shortSource } from "../reference/check";
import { citesEpoch, EpochCredit, FigureStatus } from "../reference/ReferenceCredit";
import { safeHref } from "../ui/components";
import { amountText, figureNotes, MEASURE_LABELS } from "../ui/QuantitiesTable";
import type { PublishedClaim, PublishedReferenceCheck } from "./snapshot";

type Source = PublishedReferenceCheck["sources"][number];

const SourceLink = ({ source, text }: { source: Source; text: string }) =>
  source.url ? (
    <a href={safeHref(source.url)} rel="nofollow">
      {text}
    </a>
  ) : (
    <>{text}</>
  );

/** "(Epoch AI)" linked; a comparison's two rows as "(Epoch AI: H20, H100)", each linked. */
function Sources({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  if (sources.length === 1)
    return (
      <>
        {" "}
        (<SourceLink source={sources[0]!} text={shortSource(sources[0]!.name)} />)
      </>
    );
  const names = [...new Set(sources.map((source) => shortSource(source.name)))].join("; ");
  return (
    <>
      {" "}
      ({names}:{" "}
      {sources.map((source, i) => (
        <Fragment key={i}>
          {i > 0 ? ", " : ""}
          <SourceLink source={source} text={source.hardware || shortSource(source.name)} />
        </Fragment>
      ))}
      )
    </>
  );
}

/**
 * A published claim's figures, as the language layer read them, and those the reference for
 * the hardware it names can check, each with its source. Compact (a definition list, a small
 * table) because a fact-check page carries many claims; evidence for readers, never a verdict.
 */
export function ClaimFigures({ claim, lang }: { claim: PublishedClaim; lang?: string }) {
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
                  {/* The article's own words: marked with its language when it is not the page's. */}
                  <dt>“{lang ? <span lang={lang}>{figure.text}</span> : figure.text}”</dt>
                  <dd>
                    {MEASURE_LABELS[figure.measure]}: {amountText(figure)}
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
          {disagreeing.map((check, i) => (
            <p key={i} className="notice" role="note">
              {check.note}
            </p>
          ))}
          {/* A region that scrolls sideways on a narrow screen, reachable by keyboard. */}
          <div
            className="reference-checks"
            role="region"
            aria-label={`Claim ${claim.number} against the hardware reference`}
            tabIndex={0}
          >
            <table>
              <caption>Against the hardware reference (evidence, not a verdict)</caption>
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
                      <Sources sources={check.sources} />
                    </td>
                    <td>
                      <FigureStatus agrees={check.agrees} unknown="Not in the reference" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {citesEpoch(checks.flatMap((check) => check.sources)) ? <EpochCredit /> : null}
        </>
      ) : null}
    </>
  );
}
