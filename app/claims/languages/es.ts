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
};
