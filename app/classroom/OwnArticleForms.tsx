import { VERDICTS } from "../newsroom/verdicts";
import { Field } from "../ui/components";

type Values = Record<string, string | undefined>;

/** Step one: the article the educator brings. */
export function ArticleFields({ values, fields }: { values: Values; fields: Record<string, string> }) {
  return (
    <>
      <Field label="The article's headline" name="articleTitle" error={fields.articleTitle}>
        <input id="articleTitle" name="articleTitle" maxLength={300} defaultValue={values.articleTitle} />
      </Field>
      <Field label="Who published it (optional)" name="outlet" error={fields.outlet}>
        <input id="outlet" name="outlet" maxLength={200} defaultValue={values.outlet} />
      </Field>
      <Field
        label="Where it was published (optional)"
        name="sourceUrl"
        error={fields.sourceUrl}
        hint="Students get a link to the original."
      >
        <input id="sourceUrl" name="sourceUrl" type="url" maxLength={2000} defaultValue={values.sourceUrl} />
      </Field>
      <Field
        label="The article's text"
        name="text"
        error={fields.text}
        hint="Paste it as text, one paragraph per line. Up to 100,000 characters."
      >
        <textarea id="text" name="text" rows={12} maxLength={100_000} defaultValue={values.text} />
      </Field>
    </>
  );
}

/** Step two: each sentence can be ticked as a claim of the key, with its verdict, explanation and source. */
export function KeyUnits({
  paragraphs,
  values,
  fields,
  lang,
}: {
  paragraphs: Array<{ kind: string; units: Array<{ index: number; text: string }> }>;
  values: Values;
  fields: Record<string, string>;
  /** The `lang` of the article's sentences, when it is not the page's English. */
  lang?: string;
}) {
  return (
    <div className="article-picker">
      {paragraphs.map((p, i) => (
        <div key={i} className={`picker-block picker-block--${p.kind}`}>
          {p.units.map((u) => {
            const short = u.text.length > 80 ? `${u.text.slice(0, 77)}…` : u.text;
            const error = (name: string) => fields[`${name}-${u.index}`];
            return (
              <div key={u.index} className="sentence" id={`unit-${u.index}`}>
                <label className="sentence__mark">
                  <input
                    type="checkbox"
                    id={`key-${u.index}`}
                    name={`key-${u.index}`}
                    defaultChecked={values[`key-${u.index}`] === "on"}
                    aria-invalid={error("key") ? true : undefined}
                  />{" "}
                  <span lang={lang}>{u.text}</span>
                </label>{" "}
                <div className="sentence-card">
                  <div className="unit__details">
                    {(["verdict", "rationale", "evidence"] as const).map((name) => (
                      <div className="field" key={name}>
                        <label htmlFor={`${name}-${u.index}`}>
                          {name === "verdict"
                            ? "Verdict"
                            : name === "rationale"
                              ? "Why (students read this after answering)"
                              : "A source (optional)"}{" "}
                          <span className="visually-hidden">for “{short}”</span>
                        </label>
                        {error(name) ? (
                          <p className="field__error" id={`${name}-${u.index}-error`}>
                            {error(name)}
                          </p>
                        ) : null}
                        {name === "verdict" ? (
                          <select
                            id={`verdict-${u.index}`}
                            name={`verdict-${u.index}`}
                            defaultValue={values[`verdict-${u.index}`] ?? ""}
                            aria-invalid={error(name) ? true : undefined}
                            aria-describedby={error(name) ? `${name}-${u.index}-error` : undefined}
                          >
                            <option value="">Choose…</option>
                            {VERDICTS.map((v) => (
                              <option key={v.key} value={v.key}>
                                {v.label}: {v.meaning}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            id={`${name}-${u.index}`}
                            name={`${name}-${u.index}`}
                            type={name === "evidence" ? "url" : "text"}
                            maxLength={name === "evidence" ? 2000 : 2000}
                            defaultValue={values[`${name}-${u.index}`] ?? ""}
                            aria-invalid={error(name) ? true : undefined}
                            aria-describedby={error(name) ? `${name}-${u.index}-error` : undefined}
                          />
                        )}
                      </div>
                    ))}
                  </div>
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
