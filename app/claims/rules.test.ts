import { describe, expect, it } from "vitest";
import { scoreSentence } from "./detect";
import { entities, isDateline, tagsOf } from "./entities";
import { REJECTIONS, SCORING_RULES, type SentenceFacts } from "./rules";

const facts = (text: string, more: Partial<SentenceFacts> = {}): SentenceFacts => ({
  text,
  known: more.known ?? new Set(),
  fired: new Set(),
  entities: () => entities(text, more.known ?? new Set()),
  wordTags: tagsOf,
  opensWithDateline: () => isDateline(text),
  ...more,
});
const scoring = (name: string) => {
  const rule = SCORING_RULES.find((r) => r.name === name);
  if (!rule) throw new Error(`no scoring rule ${name}`);
  return rule;
};
const rejection = (name: string) => {
  const rule = REJECTIONS.find((r) => r.name === name);
  if (!rule) throw new Error(`no rejection ${name}`);
  return rule;
};

describe("the rule tables", () => {
  it("list the scoring rules with their weights, in the order their reasons are given", () => {
    expect(SCORING_RULES.map((r) => [r.name, r.weight])).toEqual([
      ["figure", 0.4],
      ["specification", 0.2],
      ["names", 0.25],
      ["date", 0.15],
      ["timeline", 0.25],
      ["capability", 0.15],
      ["comparison", 0.2],
      ["event", 0.15],
      ["attribution", 0.1],
      ["direct-quote", 0.15],
      ["vague-language", -0.15],
      ["hedge", -0.1],
      ["forecast", 0],
      ["opinion", -0.15],
    ]);
    expect(REJECTIONS.map((r) => r.name)).toEqual(["boilerplate", "question", "instruction", "fragment"]);
  });

  it("score a sentence as the sum of the weights of the rules that fire, with their reasons in table order", () => {
    const text = "Industry insiders say Acme’s chip could be 40% faster than Nvidia’s.";
    expect(scoreSentence({ start: 0, end: text.length, text })).toEqual({
      start: 0,
      end: text.length,
      text,
      // 0.4 (figure) + 0.25 (two names) + 0.2 (comparison) + 0.1 (attribution) - 0.1 (hedge)
      score: 0.85,
      reasons: [
        "Contains a figure or measurement (“40%”): numbers can be checked against sources.",
        "Names organisations (“Acme”, “Nvidia”): what is said of them can be checked against records.",
        "Makes a comparison or superlative (“faster”): needs a baseline to hold.",
        "Attributes it to unnamed sources (“Industry insiders”): who said it, and do they know?",
        "Hedged (“could”): a prediction or possibility is harder to check.",
      ],
      entities: [
        { text: "Acme", type: "organization", start: 22, end: 26 },
        { text: "40%", type: "percent", start: 43, end: 46 },
        { text: "Nvidia", type: "organization", start: 59, end: 65 },
      ],
    });
  });
});

describe("forecasts and figures", () => {
  const score = (text: string) => scoreSentence({ start: 0, end: text.length, text })?.score ?? 0;
  const forecast =
    "Chen Hao, an analyst at Omdia, said Alibaba will overtake Nvidia as the largest supplier of inference chips in China.";
  const comparison = "The chip delivers 80 TOPS, twice the 40 TOPS of its predecessor.";

  it("a checkable figure comparison scores at least as high as a forecast with no figure or date", () => {
    // Names, a comparison and a named source added up to 0.6 for the forecast, 0.4 for the figures.
    expect(score(comparison)).toBe(0.6);
    expect(score(forecast)).toBe(0.4);
    expect(score(comparison)).toBeGreaterThanOrEqual(score(forecast));
  });

  it("a forecast with no figure or date never outranks a lone figure, however much else it names", () => {
    const loaded =
      "Chen Hao, an analyst at Omdia, said Alibaba will launch the fastest inference chip in China and grow faster than Nvidia.";
    expect(score(loaded)).toBe(0.4);
    expect(score(loaded)).toBeLessThanOrEqual(score("Acme sold 5 million units."));
    // A forecast that commits to a figure or a date keeps what those add: they can be checked.
    expect(score("Omdia said Alibaba will ship 2 million chips.")).toBeGreaterThan(0.4);
    expect(score("Omdia said Alibaba will launch the chip in March 2026.")).toBeGreaterThan(0.4);
  });

  it("reads 'will' as a forecast in lower case only: a name or a noun is none", () => {
    const rule = scoring("forecast");
    expect(rule.apply(facts("Alibaba will launch the chip."))).not.toBeNull();
    expect(rule.apply(facts("Will Smith said Acme shipped the fastest chips in China."))).toBeNull();
  });
});

describe("scoring rules, each on its own", () => {
  it("figure: a number, unit, currency or percentage; a plain two-digit number weighs less", () => {
    const rule = scoring("figure");
    expect(rule.apply(facts("Acme sold 5 million units."))).toEqual({
      weight: 0.4,
      reason: "Contains a figure or measurement (“5 million units”): numbers can be checked against sources.",
    });
    expect(rule.apply(facts("Acme ranked in the top 10 again."))).toEqual({
      weight: 0.25,
      reason: "Contains a figure or measurement (“10”): numbers can be checked against sources.",
    });
    expect(rule.apply(facts("Acme sold many units."))).toBeNull();
    // The reason cites the amounts, not a year that comes first.
    expect(rule.apply(facts("In 2023 revenue fell −17% and margins −20%."))).toEqual({
      weight: 0.4,
      reason: "Contains figures or measurements (“−17%”, “−20%”): numbers can be checked against sources.",
    });
  });

  it("specification: a label and its value", () => {
    const rule = scoring("specification");
    expect(rule.apply(facts("Process node: 5 nm"))).toEqual({
      weight: 0.2,
      reason: "States a technical specification: specs should match the maker's published data.",
    });
    expect(rule.apply(facts("The process node is 5 nm."))).toBeNull();
  });

  it("names: typed entities, a first word only when the lexicon or the document knows it as a name", () => {
    const rule = scoring("names");
    expect(rule.apply(facts("Shares of Nvidia fell."))).toEqual({
      weight: 0.25,
      reason: "Names an organisation (“Nvidia”): what is said of them can be checked against records.",
    });
    expect(rule.apply(facts("Shares of Nvidia and AMD fell."))).toEqual({
      weight: 0.25,
      reason: "Names organisations (“Nvidia”, “AMD”): what is said of them can be checked against records.",
    });
    expect(rule.apply(facts("Sales rose in Shenzhen."))).toEqual({
      weight: 0.2,
      reason: "Names a place (“Shenzhen”): what is said of them can be checked against records.",
    });
    expect(rule.apply(facts("Chen Hao said the H20 ships in Shenzhen."))).toEqual({
      weight: 0.25,
      reason:
        "Names a person (“Chen Hao”), a product (“H20”) and a place (“Shenzhen”): what is said of them can be checked against records.",
    });
    // A person the lexicon does not know is a person when introduced as one, not an organisation.
    expect(rule.apply(facts("Kofi Mensah, an analyst at Omdia, said the chip is late."))).toEqual({
      weight: 0.25,
      reason:
        "Names a person (“Kofi Mensah”) and an organisation (“Omdia”): what is said of them can be checked against records.",
    });
    // A company's name before "said" is no person's: its last word says it is a company.
    expect(rule.apply(facts("Nimbus Silicon said the chip ships in May."))).toEqual({
      weight: 0.25,
      reason:
        "Names an organisation (“Nimbus Silicon”): what is said of them can be checked against records.",
    });
    expect(rule.apply(facts("Maria Chen said the chip ships in May."))?.reason).toBe(
      "Names a person (“Maria Chen”): what is said of them can be checked against records.",
    );
    expect(rule.apply(facts("Acme sold chips.", { known: new Set(["Acme"]) }))).toEqual({
      weight: 0.25,
      reason: "Names an organisation (“Acme”): what is said of them can be checked against records.",
    });
    expect(rule.apply(facts("Acme sold chips."))).toBeNull();
    expect(rule.apply(facts("Markets moved on Friday."))).toBeNull();
    expect(rule.apply(facts("Enables software compatibility.", { known: new Set(["Enables"]) }))).toBeNull();
  });

  it("date: a year, quarter, period or capitalised month or weekday", () => {
    const rule = scoring("date");
    expect(rule.apply(facts("Acme sold chips in 2024."))).toEqual({
      weight: 0.15,
      reason: "Gives a date or period (“2024”): timelines can be checked.",
    });
    expect(rule.apply(facts("Acme sold chips on Friday."))).toEqual({
      weight: 0.15,
      reason: "Gives a date or period (“Friday”): timelines can be checked.",
    });
    expect(rule.apply(facts("Acme may sell chips."))).toBeNull();
  });

  it("timeline: the date-only paragraph before an undated sentence dates it", () => {
    const rule = scoring("timeline");
    expect(rule.apply(facts("Acme shipped its first chip.", { datedBy: "2024 Q1" }))).toEqual({
      weight: 0.25,
      reason: "Dated by the timeline entry before it (“2024 Q1”): timelines can be checked.",
    });
    expect(rule.apply(facts("Acme shipped its first chip."))).toBeNull();
    const dated = facts("Acme shipped its first chip in 2024.", {
      datedBy: "2024 Q1",
      fired: new Set(["date"]),
    });
    expect(rule.apply(dated)).toBeNull();
  });

  it("capability: what a thing can do or is built on", () => {
    const rule = scoring("capability");
    expect(rule.apply(facts("The chip supports PCIe 5.0."))).toEqual({
      weight: 0.15,
      reason: "States what something can do or is built on (“supports”): capabilities can be tested.",
    });
    expect(rule.apply(facts("The chip is blue."))).toBeNull();
  });

  it("comparison: a comparative or superlative", () => {
    const rule = scoring("comparison");
    expect(rule.apply(facts("The X1 is faster than the H20."))).toEqual({
      weight: 0.2,
      reason: "Makes a comparison or superlative (“faster”): needs a baseline to hold.",
    });
    expect(rule.apply(facts("The X1 is fast."))).toBeNull();
    // Figures set against figures: "twice the", "ten times the", "up from".
    expect(rule.apply(facts("It delivers 80 TOPS, twice the 40 TOPS of the H20."))?.reason).toContain(
      "(“twice the”)",
    );
    expect(rule.apply(facts("A query can use ten times the electricity of a search."))?.reason).toContain(
      "(“ten times the”)",
    );
    expect(rule.apply(facts("The NPU reaches 60 TOPS, up from 45 TOPS."))?.reason).toContain("(“up from”)");
    // The whole figure is quoted, not its first digit.
    expect(rule.apply(facts("Acme sold more than 1,200 chips."))?.reason).toContain("(“more than 1,200”)");
  });

  it("event: an action that either happened or did not", () => {
    const rule = scoring("event");
    expect(rule.apply(facts("Acme launched a chip."))).toEqual({
      weight: 0.15,
      reason: "Reports an action or event (“launched”): it either happened or it did not.",
    });
    expect(rule.apply(facts("Acme is a chip maker."))).toBeNull();
    // Nouns made from the verbs name people and things, not what happened.
    expect(rule.apply(facts("Investors rewarded Alibaba."))?.reason).toContain("(“rewarded”)");
    expect(rule.apply(facts("The production manager and the developers met investors."))).toBeNull();
    expect(rule.apply(facts("Acme invested in a fab it designed."))?.reason).toContain("(“invested”)");
    // Event words count only as verbs: "the chip’s designs" and "the launch" report nothing.
    expect(rule.apply(facts("The chip’s designs are new."))).toBeNull();
    expect(rule.apply(facts("The launch is in March."))).toBeNull();
    expect(rule.apply(facts("Alibaba designs chips."))?.reason).toContain("(“designs”)");
    expect(rule.apply(facts("Alibaba will launch the chip in March."))?.reason).toContain("(“launch”)");
    expect(rule.apply(facts("After its official launch, Acme cut prices."))?.reason).toContain("(“cut”)");
  });

  it("attribution: a named or unnamed source", () => {
    const rule = scoring("attribution");
    expect(rule.apply(facts("The company said sales grew."))).toEqual({
      weight: 0.1,
      reason: "Attributes the information (“said”): check the original source.",
    });
    expect(rule.apply(facts("Industry insiders report that sales grew."))).toEqual({
      weight: 0.1,
      reason: "Attributes it to unnamed sources (“Industry insiders”): who said it, and do they know?",
    });
    expect(rule.apply(facts("Sales grew last year."))).toBeNull();
    // Reported speech of a named organisation or person weighs more: it can be checked at its source.
    const omdia =
      "Server OEMs (Dell, Lenovo, HPE) cannot get enough AI and HPC GPUs to fulfill their orders, Omdia claims.";
    expect(rule.apply(facts(omdia))).toEqual({
      weight: 0.15,
      reason: "Attributes it to a named source (“Omdia”): check what they said.",
    });
    // A person said it, not the organisation their role names.
    expect(rule.apply(facts("Maria Chen, an analyst at Omdia, said the chip is late."))).toEqual({
      weight: 0.15,
      reason: "Attributes it to a named source (“Maria Chen”): check what they said.",
    });
    // A quotation is weighed by the direct-quote rule instead.
    expect(rule.apply(facts('"This is a good day for anyone who buys an app," said Agnès Laurent.'))).toEqual(
      {
        weight: 0.1,
        reason: "Attributes it to a named source (“Agnès Laurent”): check what they said.",
      },
    );
  });

  it("direct-quote: at least 12 quoted characters in an attributed sentence", () => {
    const rule = scoring("direct-quote");
    const attributed = { fired: new Set(["attribution"]) };
    expect(rule.apply(facts('The CEO said "we will ship it next year" on stage.', attributed))).toEqual({
      weight: 0.15,
      reason: "Quotes someone directly: check that they said it, and whether it is true.",
    });
    expect(rule.apply(facts('The CEO said "we will ship it next year" on stage.'))).toBeNull();
    expect(rule.apply(facts('The CEO said "yes" twice.', attributed))).toBeNull();
  });

  it("vague-language: promotional words lower the score", () => {
    const rule = scoring("vague-language");
    expect(rule.apply(facts("The chip offers seamless performance."))).toEqual({
      weight: -0.15,
      reason: "Uses vague promotional language (“seamless”): there is little to check.",
    });
    expect(rule.apply(facts("The chip draws 300 W."))).toBeNull();
  });

  it("hedge: a possibility lowers the score", () => {
    const rule = scoring("hedge");
    expect(rule.apply(facts("The chip could ship next year."))).toEqual({
      weight: -0.1,
      reason: "Hedged (“could”): a prediction or possibility is harder to check.",
    });
    expect(rule.apply(facts("The chip shipped last year."))).toBeNull();
  });

  it("forecast: what will happen, which only its source can vouch for now", () => {
    const rule = scoring("forecast");
    expect(rule.apply(facts("The market will grow in coming years."))).toEqual({
      weight: 0,
      reason:
        "Forecasts what will happen (“will grow”): only who forecasts it, and the figures and dates it commits to, can be checked now.",
    });
    expect(rule.apply(facts("Shipments are expected to double."))?.reason).toContain(
      "(“are expected to double”)",
    );
    expect(rule.apply(facts("The market grew last year."))).toBeNull();
  });

  it("opinion: each of up to two distinct opinion words lowers the score", () => {
    const rule = scoring("opinion");
    expect(rule.apply(facts("This is a bold move."))).toEqual({
      weight: -0.15,
      reason: "Reads partly as opinion (“bold”): only the factual core can be checked.",
    });
    expect(rule.apply(facts("Honestly, a bold and stunning move, a bold one."))).toEqual({
      weight: -0.3,
      reason: "Reads partly as opinion (“honestly”, “bold”): only the factual core can be checked.",
    });
    expect(rule.apply(facts("The chip ships in May."))).toBeNull();
  });
});

describe("rejections, each on its own", () => {
  it("boilerplate: donation banners, share prompts, navigation", () => {
    const rule = rejection("boilerplate");
    expect(rule.rejects("Support us on Patreon today.")).toBe(true);
    expect(rule.rejects("Acme supports PCIe 5.0.")).toBe(false);
  });

  it("question: a sentence ending in a question mark, inside quotes or brackets too", () => {
    const rule = rejection("question");
    expect(rule.rejects("Will Acme ship in 2026?")).toBe(true);
    expect(rule.rejects('He asked "why?"')).toBe(true);
    expect(rule.rejects("Acme will ship in 2026.")).toBe(false);
  });

  it("instruction: a sentence opening with an imperative", () => {
    const rule = rejection("instruction");
    expect(rule.rejects("Track the launch closely.")).toBe(true);
    expect(rule.rejects("Don’t miss the launch.")).toBe(true);
    expect(rule.rejects("Trackers sold well last year.")).toBe(false);
  });

  it("fragment: fewer than three words", () => {
    const rule = rejection("fragment");
    expect(rule.rejects("Acme rose.")).toBe(true);
    expect(rule.rejects("Acme rose 3%.")).toBe(false);
  });
});
