import type { LanguageData } from "./types";

export const dutch: LanguageData = {
  titles: "dhr mevr mw dr prof ir drs mr ing st".split(" "),
  abbreviations: "bijv bv enz etc ca nr blz d w z m a o jl jan feb mrt apr jun jul aug sep okt nov dec".split(
    " ",
  ),
  sentenceStarters: "de het een dit dat deze die hij zij ze we wij ik maar en of volgens in op na voor".split(
    " ",
  ),
  ordinalNumbers: false,
};
