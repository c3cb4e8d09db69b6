import { SOURCE_KINDS, STUDENT_VERDICTS } from "./compare";

export interface StudentUnit {
  index: number;
  text: string;
}

type Values = Record<string, string | undefined>;

/**
 * The questions for one passage: a verdict (each choice says what it means, where the student
 * chooses it) and the kind of source that would settle it. Each control is named with its passage.
 */
function Questions({
  unit,
  values,
  errors,
}: {
  unit: StudentUnit;
  values: Values;
  errors: Record<string, string>;
}) {
  const verdictError = errors[`verdict-${unit.index}`];
  const sourceError = errors[`source-${unit.index}`];
  const short = unit.text.length > 80 ? `${unit.text.slice(0, 77)}…` : unit.text;
  return (
    <div className="unit__details">
      <fieldset
        className="verdict-choices"
        id={`verdict-${unit.index}`}
        tabIndex={-1}
        aria-invalid={verdictError ? true : undefined}
        aria-describedby={verdictError ? `verdict-${unit.index}-error` : undefined}
      >
        <legend>
          Your verdict <span className="visually-hidden">on “{short}”</span>
        </legend>
        {verdictError ? (
          <p className="field__error" id={`verdict-${unit.index}-error`}>
            {verdictError}
          </p>
        ) : null}
        {STUDENT_VERDICTS.map((v) => (
          <label key={v.key} className="verdict-choice">
            <input
              type="radio"
              name={`verdict-${unit.index}`}
              value={v.key}
              defaultChecked={values[`verdict-${unit.index}`] === v.key}
            />{" "}
            <span>
              <strong>{v.label}</strong> <span className="meta">{v.meaning}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`source-${unit.index}`}>
          What would settle it <span className="visually-hidden">for “{short}”</span>
        </label>
        {sourceError ? (
          <p className="field__error" id={`source-${unit.index}-error`}>
            {sourceError}
          </p>
        ) : null}
        <select
          id={`source-${unit.index}`}
          name={`source-${unit.index}`}
          defaultValue={values[`source-${unit.index}`] ?? ""}
          aria-invalid={sourceError ? true : undefined}
          aria-describedby={sourceError ? `source-${unit.index}-error` : undefined}
        >
          <option value="">Choose…</option>
          {SOURCE_KINDS.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <TextQuestion
        id={`evidence-${unit.index}`}
        label="A link to what you found (optional)"
        short={short}
        error={errors[`evidence-${unit.index}`]}
        value={values[`evidence-${unit.index}`]}
        type="url"
        maxLength={500}
      />
      <TextQuestion
        id={`reason-${unit.index}`}
        label="Why, in one sentence (optional)"
        short={short}
        error={errors[`reason-${unit.index}`]}
        value={values[`reason-${unit.index}`]}
        maxLength={300}
      />
    </div>
  );
}

function TextQuestion({
  id,
  label,
  short,
  error,
  value,
  type = "text",
  maxLength,
}: {
  id: string;
  label: string;
  short: string;
  error?: string;
  value?: string;
  type?: string;
  maxLength: number;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="visually-hidden">for “{short}”</span>
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={id}
        type={type}
        maxLength={maxLength}
        defaultValue={value ?? ""}
        inputMode={type === "url" ? "url" : undefined}
        placeholder={type === "url" ? "https://" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

/** The claims marked by the newsroom, numbered, each with its questions ("marked" mode). */
export function MarkedUnits({
  units,
  values,
  errors,
  lang,
}: {
  units: StudentUnit[];
  values: Values;
  errors: Record<string, string>;
  /** The `lang` of the article's sentences, when it is not the page's English. */
  lang?: string;
}) {
  return (
    <ol className="units">
      {units.map((u) => (
        <li key={u.index} id={`unit-${u.index}`} className="unit">
          <p className="unit__mark">
            {/* One flex item for the quote: its marks hug the words, the gap only follows the number. */}
            <strong>{u.index}.</strong>{" "}
            <span>
              “<span lang={lang}>{u.text}</span>”
            </span>
          </p>
          <Questions unit={u} values={values} errors={errors} />
        </li>
      ))}
    </ol>
  );
}

/** Sentences grouped by the article's blocks, in order: what the page shows as paragraphs. */
export function paragraphsOf<U extends StudentUnit & { block?: number; kind?: string }>(units: U[]) {
  const paragraphs: Array<{ block: number; kind: string; units: StudentUnit[] }> = [];
  for (const u of units) {
    const last = paragraphs.at(-1);
    if (last && last.block === (u.block ?? -1)) last.units.push({ index: u.index, text: u.text });
    else
      paragraphs.push({
        block: u.block ?? -1,
        kind: u.kind ?? "paragraph",
        units: [{ index: u.index, text: u.text }],
      });
  }
  return paragraphs;
}

/**
 * The article as paragraphs of sentences a student may tick ("article" mode). A ticked sentence
 * opens into a card with its questions (CSS :has(); without it every card shows).
 */
export function ArticleUnits({
  paragraphs,
  values,
  errors,
  lang,
}: {
  paragraphs: Array<{ kind: string; units: StudentUnit[] }>;
  values: Values;
  errors: Record<string, string>;
  /** The `lang` of the article's sentences, when it is not the page's English. */
  lang?: string;
}) {
  return (
    <div className="article-picker">
      {paragraphs.map((p, i) => (
        <div key={i} className={`picker-block picker-block--${p.kind}`}>
          {p.units.map((u) => (
            <div key={u.index} className="sentence" id={`unit-${u.index}`}>
              <label className="sentence__mark">
                <input
                  type="checkbox"
                  id={`mark-${u.index}`}
                  name={`mark-${u.index}`}
                  defaultChecked={values[`mark-${u.index}`] === "on"}
                  aria-invalid={errors[`mark-${u.index}`] ? true : undefined}
                />{" "}
                <span lang={lang}>{u.text}</span>
              </label>{" "}
              <div className="sentence-card">
                <Questions unit={u} values={values} errors={errors} />
              </div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The optional first step (SIFT's "investigate the source"): who is behind the article, and what they want. */
export function SourceStep({ values, errors }: { values: Values; errors: Record<string, string> }) {
  const fields = [
    { name: "publisherGuess", label: "Who published this article, and who are they?" },
    { name: "purposeGuess", label: "What do they want from their readers?" },
  ] as const;
  return (
    <fieldset className="panel source-step">
      <legend>First: who is behind this article?</legend>
      <p className="hint">
        Before judging the claims, look up who published it: leave this page and search for them. You will see
        what the fact-checkers know about the source after you send your answers.
      </p>
      {fields.map(({ name, label }) => (
        <div className="field" key={name}>
          <label htmlFor={name}>{label}</label>
          {errors[name] ? (
            <p className="field__error" id={`${name}-error`}>
              {errors[name]}
            </p>
          ) : null}
          <input
            id={name}
            name={name}
            maxLength={300}
            defaultValue={values[name] ?? ""}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? `${name}-error` : undefined}
          />
        </div>
      ))}
    </fieldset>
  );
}
