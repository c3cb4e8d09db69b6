import type { LanguageData } from "./types";

export const italian: LanguageData = {
  titles:
    "sig sigra sigg sigra dott dottssa dr ing avv arch prof geom rag dir amm psicol on sen gen col mons".split(
      " ",
    ),
  abbreviations: (
    "es ecc etc pag pagg art cap vol fig tel n nr st d p pp min max ca " +
    "gen feb mar apr mag giu lug ago set ott nov dic lun mer gio ven sab dom"
  ).split(" "),
  sentenceStarters: (
    "il lo la i gli le un uno una questo questa questi queste quello quella egli lui lei loro noi io " +
    "ma e o però secondo in con per da dopo prima se quando oggi ieri si"
  ).split(" "),
  elision: true,
};
