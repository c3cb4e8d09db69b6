import { useEffect, useRef } from "react";
import { Field } from "../ui/components";

/** What the create and edit forms need to offer a due time: the zones and the time as stored. */
export interface DueChoice {
  zones: readonly string[];
  /** The stored due time as a datetime-local value in its zone, or "". */
  due: string;
  /** The stored zone, or the server's when there is none yet. */
  zone: string;
  /** Whether the zone was set by an educator (then the browser's zone does not replace it). */
  zoneChosen: boolean;
}

/**
 * An optional due time: a date and time in a chosen time zone. Without JavaScript the zone is
 * the server's (or the one set before); with it, a new due time starts in the browser's zone.
 */
export function DueFields({
  choice,
  values,
  fields,
}: {
  choice: DueChoice;
  values?: Record<string, string | undefined>;
  fields: Record<string, string>;
}) {
  const zone = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Only while the select still shows the server's zone: never over the educator's own choice.
    const select = zone.current;
    if (
      !choice.zoneChosen &&
      !values?.dueZone &&
      select?.value === choice.zone &&
      choice.zones.includes(browserZone)
    )
      select.value = browserZone;
  }, [choice, values]);
  return (
    <fieldset className="field due-fields">
      <legend>Due time (optional)</legend>
      <p className="hint">
        Students see it. Answers sent after it are still accepted and marked late; close the exercise to stop
        answers.
      </p>
      <Field label="Due on" name="due" error={fields.due}>
        <input id="due" name="due" type="datetime-local" defaultValue={values?.due ?? choice.due} />
      </Field>
      <Field label="Time zone" name="dueZone" error={fields.dueZone}>
        <select id="dueZone" name="dueZone" ref={zone} defaultValue={values?.dueZone ?? choice.zone}>
          {choice.zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
