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
  claims: {
    months:
      "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(
        " ",
      ),
    days: "lunedì martedì mercoledì giovedì venerdì sabato domenica".split(" "),
    attribution: [
      "secondo",
      "stando a",
      "stando ai",
      "ha dichiarato",
      "ha detto",
      "ha affermato",
      "ha annunciato",
      "ha spiegato",
      "ha confermato",
      "riferisce",
      "dichiara",
      "afferma",
    ],
    events: [
      "salit\\p{L}*",
      "sces\\p{L}*",
      "crescita",
      "cresciut\\p{L}*",
      "diminuit\\p{L}*",
      "calat\\p{L}*",
      "raddoppiat\\p{L}*",
      "triplicat\\p{L}*",
      "registrat\\p{L}*",
      "annunciat\\p{L}*",
      "investit\\p{L}*",
      "investimento",
      "lanciat\\p{L}*",
      "acquisit\\p{L}*",
      "apert\\p{L}*",
      "chius\\p{L}*",
      "guadagnat\\p{L}*",
      "pers\\p{L}",
      "venduto",
      "darà lavoro",
      "assum\\p{L}*",
      "licenzi\\p{L}*",
    ],
    units: [
      "%",
      "per cento",
      "miliardi",
      "milioni",
      "euro",
      "dollari",
      "persone",
      "dipendenti",
      "posti di lavoro",
      "nanometri",
      "nm",
      "gb",
      "tb",
      "watt",
    ],
  },
};
