import { describe, expect, it } from "vitest";
import { entities, type EntityType } from "./entities";

/** The entities of a sentence as "text:type", in order. */
const typed = (text: string, known: ReadonlySet<string> = new Set()) =>
  entities(text, known).map((e) => `${e.text}:${e.type}`);

describe("entities", () => {
  it("gives offsets into the text it was given", () => {
    const text = "Chen Hao, an analyst in Shenzhen, said Alibaba will ship the Hanguang 800 in 2023.";
    const found = entities(text);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found.map((e) => [e.text, e.type])).toEqual<Array<[string, EntityType]>>([
      ["Chen Hao", "person"],
      ["Shenzhen", "place"],
      ["Alibaba", "organization"],
      ["Hanguang 800", "product"],
      ["2023", "date"],
    ]);
  });

  it("never takes a dateline or headline capitals for names", () => {
    expect(typed("SAN JOSE: NVIDIA HAS announced the H20 chip for China.")).toEqual([
      "NVIDIA:organization",
      "H20:product",
      "China:place",
    ]);
    expect(typed("BEIJING — Alibaba unveiled a chip.", new Set(["Alibaba"]))).toEqual([
      "Alibaba:organization",
    ]);
    expect(typed("ACME SAYS ITS NEW CHIP IS FASTER THAN EVER")).toEqual([]);
    expect(typed("ST. LOUIS, Mo. — Acme Corp opened a plant.")).toEqual(["Acme Corp:organization"]);
  });

  it("reads a long run of dotted capitals at once (the dateline pattern once backtracked exponentially)", () => {
    // 60 dotted capitals: the old pattern would have tried about 2^60 ways of cutting them before
    // refusing them as a dateline; this returns (or the test times out).
    const found = typed(`AB${".C".repeat(60)} rose 5% in a year.`);
    expect(found).toContain("5%:percent");
  });

  it("never takes sentence-initial, title-case or spec-label common words for names", () => {
    const seedWords = new Set(["It’s", "Enables", "Node", "Efficiency", "Bandwidth", "Tera"]);
    const sentences = [
      "It’s manufactured domestically—marking a big shift from earlier AI chips outsourced to Taiwan’s TSMC.",
      "Enables software compatibility with existing Nvidia-based systems.",
      "Process Node: 5nm technology.",
      "Power Efficiency: 1.5x improvement over previous generation.",
      "Memory Bandwidth: 512 GB/s.",
      "Inference Performance: Up to 12 TOPS (Tera Operations Per Second).",
    ];
    // Even when the document capitalises them elsewhere ("known"), a common word is no name.
    for (const sentence of sentences) {
      const names = entities(sentence, seedWords).map((e) => e.text);
      for (const word of seedWords) expect(names.join(" "), sentence).not.toContain(word);
    }
    expect(typed(sentences[0]!)).toEqual(["Taiwan:place", "TSMC:organization"]);
    expect(typed(sentences[1]!)).toEqual(["Nvidia:organization"]);
    expect(typed(sentences[5]!)).toEqual(["12 TOPS:quantity"]);
    // An unknown first word names something only as part of a longer name.
    expect(typed("Markets moved quickly.")).toEqual([]);
    expect(typed("Acme Corp. said sales rose.")).toEqual(["Acme Corp:organization"]);
    expect(typed("Acme said sales rose.", new Set(["Acme"]))).toEqual(["Acme:organization"]);
  });

  it("types people, places, organisations and products", () => {
    expect(typed("Server OEMs (Dell, Lenovo, HPE) cannot get enough AI and HPC GPUs, Omdia claims.")).toEqual(
      ["Dell:organization", "Lenovo:organization", "HPE:organization", "Omdia:organization"],
    );
    expect(typed("Jensen Huang, Nvidia's CEO, spoke in Taipei.")).toEqual([
      "Jensen Huang:person",
      "Nvidia:organization",
      "Taipei:place",
    ]);
    expect(typed("Performance may lag behind Nvidia’s Blackwell or H100.")).toEqual([
      "Nvidia:organization",
      "Blackwell:product",
      "H100:product",
    ]);
    expect(typed("It pairs China’s RISC‑V push with Alibaba’s Xuantie CPUs.")).toEqual([
      "China:place",
      "RISC‑V:product",
      "Alibaba:organization",
      "Xuantie:product",
    ]);
    expect(typed("The chip reduces reliance on U.S. Nvidia technology, a Chinese fab said.")).toEqual([
      "U.S.:place",
      "Nvidia:organization",
    ]);
    expect(typed("The European Parliament must approve it.")).toEqual(["European Parliament:organization"]);
    expect(typed('"It is fast," chief executive Priya Raman said.')).toEqual(["Priya Raman:person"]);
    expect(
      typed("It told the US Securities and Exchange Commission, while Apple and Google declined."),
    ).toEqual([
      "US:place",
      "Securities and Exchange Commission:organization",
      "Apple:organization",
      "Google:organization",
    ]);
    // compromise lists Virginia, Houston, Sydney as person or place: "in", "from", "near" say place.
    expect(typed("It delayed projects in Virginia, Jordan Peele said.")).toEqual([
      "Virginia:place",
      "Jordan Peele:person",
    ]);
    expect(typed("Analysts from Houston met Sydney at a bar.")).toEqual(["Houston:place", "Sydney:person"]);
    // A compass word before a place makes a region, as compromise's own rule has it.
    expect(typed("It buys power from a plant in West Texas and Northern California.")).toEqual([
      "West Texas:place",
      "Northern California:place",
    ]);
    // A title-case dateline, and a law, which is none of the types.
    expect(typed("Brussels — European Union negotiators updated the Digital Markets Act.")).toEqual([
      "European Union:organization",
    ]);
  });

  it("types a name the lexicon does not know as a person when the sentence introduces one", () => {
    // A role set off by commas, or reported speech next to a name of two or three name-shaped words.
    expect(typed("Kofi Mensah, an analyst at Omdia, said the chip is late.")).toEqual([
      "Kofi Mensah:person",
      "Omdia:organization",
    ]);
    expect(typed("Priya Raman, chief executive of Acme, said sales rose.")).toEqual([
      "Priya Raman:person",
      "Acme:organization",
    ]);
    expect(typed("Jin Park, a senior Bernstein analyst, said prices fell.")).toEqual([
      "Jin Park:person",
      "Bernstein:organization",
    ]);
    expect(typed("Priya Raman said sales rose.")).toEqual(["Priya Raman:person"]);
    expect(typed("Sales rose, said Kofi Mensah.")).toEqual(["Kofi Mensah:person"]);
    // Organisations stay organisations: a word of common nouns in the name, or no person's role.
    expect(typed("Alibaba Cloud said sales rose.")).toEqual(["Alibaba Cloud:organization"]);
    expect(typed("Tern Robotics said sales rose.")).toEqual(["Tern Robotics:organization"]);
    expect(typed("Nimbus Devices said sales rose.")).toEqual(["Nimbus Devices:organization"]);
    expect(typed("Nimbus Silicon, an analyst firm, expects growth.")).toEqual([
      "Nimbus Silicon:organization",
    ]);
  });

  it("never makes a person of a name whose last word is a company's, next to reported speech", () => {
    // "Silicon", "Microsystems" are in neither the suffix pattern nor compromise's organisation words.
    for (const name of [
      "Nimbus Silicon",
      "Chen Silicon",
      "Nimbus Microsystems",
      "Nimbus Semiconductors",
      "Nimbus Instruments",
      "Nimbus Foundry",
      "Nimbus Systems",
      "Nimbus Labs",
      "Nimbus Technologies",
      "Nimbus Semiconductor",
      "Nimbus Research",
      "Nimbus Group",
      "Nimbus University",
      "Nimbus Institute",
    ]) {
      expect(typed(`${name} said sales rose.`), name).toEqual([`${name}:organization`]);
      expect(typed(`Sales rose, said ${name}.`), name).toEqual([`${name}:organization`]);
    }
    expect(typed("Acme Inc said sales rose.")).toEqual(["Acme Inc:organization"]);
    expect(typed("Acme Corp. said sales rose.")).toEqual(["Acme Corp:organization"]);
    expect(typed("Acme Ltd said sales rose.")).toEqual(["Acme Ltd:organization"]);
    // People stay people, a surname that is an ordinary word too.
    expect(typed("Maria Chen said sales rose.")).toEqual(["Maria Chen:person"]);
    expect(typed("Samantha Power said sales rose.")).toEqual(["Samantha Power:person"]);
  });

  it("types amounts: percents are percents, money is money, a year is a date", () => {
    expect(typed("The R9 costs $1,199, $200 less than its rival.")).toEqual([
      "R9:product",
      "$1,199:money",
      "$200:money",
    ]);
    expect(typed("In 2023 revenue fell −17% and margins −20%, costing $120 million.")).toEqual([
      "2023:date",
      "−17%:percent",
      "−20%:percent",
      "$120 million:money",
    ]);
    expect(typed("Nvidia stock dipped 3–4% on Tuesday, March 3, 2025.")).toEqual([
      "Nvidia:organization",
      "3–4%:percent",
      "Tuesday:date",
      "March 3, 2025:date",
    ]);
    expect(typed("It reaches 12 TOPS at 8 watts, 1.5x the old chip, over the next three years.")).toEqual([
      "12 TOPS:quantity",
      "8 watts:quantity",
      "1.5x:quantity",
      "next three years:date",
    ]);
    // A count in words before what it counts, as the quantity parser reads it ("one" is left out there too).
    expect(typed("It has eight CPU cores and Twenty-two rivals; one prime core, and two is enough.")).toEqual(
      ["eight:quantity", "Twenty-two:quantity"],
    );
    // Durations are periods whatever their unit.
    expect(typed("It ran for 30 minutes, then 20 seconds, then 22 hours.")).toEqual([
      "30 minutes:date",
      "20 seconds:date",
      "22 hours:date",
    ]);
  });
});
