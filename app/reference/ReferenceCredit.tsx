import { EPOCH_CREDIT, EPOCH_SOURCE, EPOCH_URL } from "./hardware";

/** Whether any of these sources is Epoch AI's dataset, whose licence asks for credit where its figures are shown. */
export const citesEpoch = (sources: Array<{ name: string }>) =>
  sources.some((source) => source.name === EPOCH_SOURCE);

/** How a reference figure stands against the claim's, in words (never by colour alone). */
export function FigureStatus({ agrees, unknown }: { agrees: boolean | null; unknown: string }) {
  if (agrees === null) return <span className="meta">{unknown}</span>;
  return agrees ? (
    <span className="reference-agrees">Agrees</span>
  ) : (
    <strong className="reference-disagrees">Disagrees</strong>
  );
}

/** The credit Epoch AI's licence (CC BY 4.0) asks for, with links to the dataset and the licence. */
export function EpochCredit() {
  return (
    <p className="meta reference-credit">
      <a href={EPOCH_URL} rel="noopener noreferrer">
        {EPOCH_CREDIT}
      </a>{" "}
      (<a href="https://creativecommons.org/licenses/by/4.0/">licence</a>).
    </p>
  );
}
