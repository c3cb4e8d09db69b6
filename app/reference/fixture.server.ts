import { readFileSync } from "node:fs";
import { REFERENCE_FILE, specsFromEpochCsv, type HardwareSpec } from "./hardware";

/** The reference rows that ship with Claimdesk (Epoch AI's dataset), numbered in file order. */
export function shippedReference(file = REFERENCE_FILE): Array<HardwareSpec & { id: number }> {
  return specsFromEpochCsv(readFileSync(file, "utf8")).map((spec, i) => ({ ...spec, id: i + 1 }));
}
