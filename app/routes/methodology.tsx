import type { Route } from "./+types/methodology";
import { VERDICTS } from "../newsroom/verdicts";
import { VerdictBadge } from "../ui/components";

export const meta: Route.MetaFunction = () => [
  { title: "Methodology · Claimdesk" },
  { name: "description", content: "How Claimdesk chooses claims, weighs evidence and rates them." },
];

export default function Methodology() {
  return (
    <article className="page prose">
      <h1>How we check claims</h1>
      <p>
        Every fact-check on Claimdesk follows the same steps, so readers and students can judge our work as
        well as our conclusions.
      </p>
      <h2>1. Finding the claims</h2>
      <p>
        We split the article into sentences and score each one for check-worthiness. The score is explained,
        never hidden: a sentence rises when it contains figures or measurements, names organisations or
        products, gives dates, makes comparisons, reports an event, or attributes information, especially to
        unnamed sources. A forecast with no figure or date scores no higher than a single figure: what it
        predicts cannot be checked yet. Questions to the reader, calls to action, donation prompts and
        navigation are never proposed. An editor then keeps, trims, splits, merges or dismisses the proposals
        and adds any we missed.
      </p>
      <h2>2. Gathering evidence</h2>
      <p>
        For each claim we link the sources we relied on, with their publisher and date, and say whether each
        supports the claim, refutes it, or gives context. Where we read a republished copy of a report, we say
        so.
      </p>
      <h2>3. Rating</h2>
      <p>Each claim gets one rating from this scale and a written rationale:</p>
      <dl className="scale">
        {VERDICTS.map((v) => (
          <div key={v.key} className="scale__row">
            <dt>
              <VerdictBadge verdict={v.key} />
            </dt>
            <dd>
              {v.meaning}
              {v.rating === null ? " Not placed on the numeric scale." : ` Numeric rating ${v.rating} of 5.`}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        In machine-readable ClaimReview data the rating is always given by name (<code>alternateName</code>).
        The first five ratings are ordinal and also carry a number from 5 (accurate) down to 1 (inaccurate);
        “Unsupported” says nothing about truth, only about the missing evidence, so it has no number.
      </p>
      <h2>4. A second person approves</h2>
      <p>
        A rating is published only after a reviewer who wrote no part of it (the verdict or its rationale)
        approves it. Any later edit to the rating, rationale or evidence withdraws the approval until it is
        reviewed again.
      </p>
      <h2>5. Publishing and corrections</h2>
      <p>
        Each publication is a numbered, unchangeable version. When we change a fact-check we publish a new
        version with a note saying what changed; the corrections log on the fact-check lists every one, and
        earlier versions stay readable at their own addresses.
      </p>
    </article>
  );
}
