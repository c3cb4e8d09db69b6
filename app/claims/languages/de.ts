import type { LanguageData } from "./types";

export const german: LanguageData = {
  titles: "dr prof med dipl ing hr fr frl sr jr st".split(" "),
  abbreviations: (
    "z b u ä s d h a o v g bzw ca usw vgl etc evtl ggf inkl zzgl bspw sog str nr abs art bd hrsg " +
    "kath ev gegr geb gest jh jhd jahrh mio mrd tsd ca chr mwst gmbh ag kg e v mind max min tel " +
    "jan feb febr mär apr jun jul aug sep sept okt nov dez mo di mi do fr sa so"
  ).split(" "),
  sentenceStarters: (
    "der die das ein eine einer es er sie wir ich ihr man dies diese dieser dieses das dass und aber " +
    "doch denn so auch noch nun dann heute gestern morgen als wenn weil nach vor seit mit im am in " +
    "auf bei für laut wie was wer wo warum"
  ).split(" "),
  ordinalNumbers: true,
  lowOpeningQuotes: true,
};
