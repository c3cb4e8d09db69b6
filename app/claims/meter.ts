/**
 * A count of the work the extract does: the characters and items its loops and scans are
 * handed. Tests read it to check that the work grows linearly with the input, which a clock on
 * a shared machine cannot show reliably. Counting costs one addition per step.
 */
export const meter = { steps: 0 };

/** Runs `work` and returns its result with the steps it took. */
export function metered<T>(work: () => T): { result: T; steps: number } {
  const before = meter.steps;
  const result = work();
  return { result, steps: meter.steps - before };
}
