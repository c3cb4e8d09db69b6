import type { LanguageData } from "./types";

export const russian: LanguageData = {
  titles: "г гг ул пгт проф д-р др акад доц тов им просп пер пл обл р-н".split(" "),
  abbreviations: (
    "т е д п пр см ср стр рис табл кв куб кг км руб коп млн млрд тыс долл ок св вв гл изд " +
    "янв фев февр мар апр авг сен сент окт ноя нояб дек"
  ).split(" "),
  sentenceStarters:
    "в во на он она они оно мы я это этот эта эти но и а как когда по после до с со по словам".split(" "),
  dialogueDash: true,
};
