import { parseQuantities } from "../claims/quantities";
import { checkClaim, statedChecks, type ReferenceRow } from "../reference/check";
import type { Catalogue } from "../reference/recognise";
import type { PublishedFigure, PublishedReferenceCheck } from "./snapshot";

/**
 * The language layer's reading of a claim as a publication freezes it: its figures, read in the
 * article's language, and those figures set against the reference rows of the hardware it names.
 * The same parser and checker as the workbench's claim page and the API, so all three agree.
 */
export function frozenFigures(
  quote: string,
  language: string,
  hardware: Catalogue<ReferenceRow>,
): { figures: PublishedFigure[]; referenceChecks: PublishedReferenceCheck[] } {
  const quantities = parseQuantities(quote, language);
  return {
    figures: quantities.map(({ text, value, upper, unit, measure, normalized, comparedTo, change }) => ({
      text,
      value,
      ...(upper === undefined ? {} : { upper }),
      unit,
      measure,
      normalized,
      ...(comparedTo === undefined ? {} : { comparedTo }),
      ...(change === undefined ? {} : { change }),
    })),
    referenceChecks: statedChecks(checkClaim(quote, quantities, hardware)),
  };
}
