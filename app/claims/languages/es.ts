import type { LanguageData } from "./types";

export const spanish: LanguageData = {
  titles: "sr sra srta sres sras dr dra lic ing arq prof d dña ud uds sto sta".split(" "),
  abbreviations: (
    "núm nro art párr párrf pág págs cap vol ej etc aprox tel ext cra av avda dc ee uu " +
    "ene feb mar abr may jun jul ago sep sept oct nov dic lun mié jue vie sáb dom min máx mín"
  ).split(" "),
  sentenceStarters: (
    "el la los las un una unos unas él ella ellos ellas yo nosotros este esta estos estas eso esto " +
    "pero y o sin según en con para por desde tras si cuando hoy ayer"
  ).split(" "),
  claims: {
    months:
      "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre".split(
        " ",
      ),
    days: "lunes martes miércoles jueves viernes sábado domingo".split(" "),
    attribution: [
      "según",
      "de acuerdo con",
      "afirmó",
      "afirma",
      "dijo",
      "declaró",
      "anunció",
      "informó",
      "explicó",
      "aseguró",
      "señaló",
      "indicó",
      "confirmó",
    ],
    events: [
      "subi\\p{L}*",
      "creci\\p{L}*",
      "crec\\p{L}*",
      "cayó",
      "cayeron",
      "baj\\p{L}*",
      "aument\\p{L}*",
      "disminu\\p{L}*",
      "duplic\\p{L}*",
      "triplic\\p{L}*",
      "factur\\p{L}*",
      "anunci\\p{L}*",
      "invirti\\p{L}*",
      "inversión",
      "lanz\\p{L}*",
      "adquiri\\p{L}*",
      "compró",
      "crear\\p{L}*",
      "ganó",
      "perdió",
      "vendi\\p{L}*",
      "registr\\p{L}*",
      "despid\\p{L}*",
      "abri\\p{L}*",
    ],
    units: [
      "%",
      "por ciento",
      "millones",
      "millón",
      "mil millones",
      "euros?",
      "dólares",
      "empleos",
      "empleados",
      "trabajadores",
      "personas",
      "nanómetros",
      "nm",
      "gb",
      "tb",
      "vatios",
    ],
  },
};
