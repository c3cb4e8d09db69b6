import type { LanguageData } from "./types";

export const polish: LanguageData = {
  titles: "p pan pani dr prof inż mgr hab ks św".split(" "),
  abbreviations:
    "tzn tj np itd itp m in ok ul al nr godz tys mln mld zł bałt r w wg str sty lut mar kwi maj cze lip sie wrz paź lis gru".split(
      " ",
    ),
  sentenceStarters: "to ten ta te on ona oni my ja ale i a w na po według".split(" "),
  ordinalNumbers: true,
};
