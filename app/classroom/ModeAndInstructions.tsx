import type { ChangeEvent } from "react";
import { Field } from "../ui/components";
import { instructionsFor, SUGGESTED_INSTRUCTIONS, type ExerciseMode } from "./instructions";

const MODES: ReadonlyArray<readonly [ExerciseMode, string]> = [
  ["article", "The article alone: they find the claims themselves"],
  ["marked", "The article with the claims marked: they judge them"],
];

/**
 * What students see, then the instructions, suggested in words that fit it. With JavaScript a
 * suggestion follows the choice at once; without, the server makes it follow on saving
 * (createExercise). Instructions the educator has changed are never replaced.
 */
export function ModeAndInstructions({
  values,
  error,
  modeError,
}: {
  /** The form as sent, when it was refused. */
  values?: Record<string, string | undefined>;
  error?: string;
  /** Why the choice of what students see was refused (an article too long to mark sentence by sentence). */
  modeError?: string | undefined;
}) {
  const mode: ExerciseMode = values?.mode === "marked" ? "marked" : "article";
  const followMode = (chosen: ExerciseMode) => (event: ChangeEvent<HTMLInputElement>) => {
    const box = event.currentTarget.form?.elements.namedItem("instructions");
    if (box instanceof HTMLTextAreaElement) box.value = instructionsFor(chosen, box.value);
  };
  return (
    <>
      <fieldset
        className={`field${modeError ? " field--invalid" : ""}`}
        aria-describedby={modeError ? "mode-error" : undefined}
      >
        <legend>What students see</legend>
        {MODES.map(([value, label]) => (
          <label className="inline" key={value}>
            <input
              type="radio"
              name="mode"
              value={value}
              defaultChecked={mode === value}
              onChange={followMode(value)}
            />{" "}
            {label}
          </label>
        ))}
        {modeError ? (
          <p className="field__error" id="mode-error" role="alert">
            {modeError}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Instructions"
        name="instructions"
        error={error}
        hint="What students should do, and how long they have. Until you change them, they follow what students see. Markdown: **bold**, lists, and links that students can click."
      >
        <textarea
          id="instructions"
          name="instructions"
          rows={4}
          defaultValue={instructionsFor(mode, values?.instructions ?? SUGGESTED_INSTRUCTIONS.article)}
        />
      </Field>
    </>
  );
}
