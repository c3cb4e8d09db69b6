import { z } from "zod";
import { readStoredJson } from "../utils/json";

/** A claim's stored appearances (a JSON array of URLs); anything else reads as none. */
export function parseAppearances(appearances: string): string[] {
  return readStoredJson(z.array(z.string()), appearances, []);
}
