import type { LanguageData } from "./types";

export const french: LanguageData = {
  titles: "m mm mme mlle me mgr dr pr st ste".split(" "),
  abbreviations: (
    "av apr j c etc cf env p pp ex éd vol chap art no nº n° tél fig min max " +
    "janv févr mars avr juil sept oct nov déc lun mar mer jeu ven sam dim bd"
  ).split(" "),
  sentenceStarters: (
    "le la les un une des il elle ils elles on nous je ce cette ces cet mais et ou donc car puis " +
    "selon en au aux après avant depuis pour dans sur si quand"
  ).split(" "),
  elision: true,
};
