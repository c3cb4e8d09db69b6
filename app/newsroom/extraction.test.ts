import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { extract } from "../claims/extract";
import { createParser, DEFAULT_PARSER_LIMITS } from "../importing/parser.server";
import { UserError } from "../utils/errors";
import { extractClaims, placeClaims } from "./extraction.server";

const SEED = readFileSync("fixtures/alibaba-ai-chip.txt", "utf8");
const parsers: Array<ReturnType<typeof createParser>> = [];
const parserWith = (limits: Partial<typeof DEFAULT_PARSER_LIMITS>) => {
  const made = createParser({ ...DEFAULT_PARSER_LIMITS, ...limits });
  parsers.push(made);
  return made;
};
afterAll(() => Promise.all(parsers.map((p) => p.close())));

describe("splitting an article into claims off the event loop", () => {
  it("finds exactly what the claim engine finds in the same process", async () => {
    const offThread = await extractClaims(SEED, parserWith({}));
    const inline = extract(SEED);
    expect(offThread.projection).toEqual(inline.projection);
    expect(offThread.claims).toEqual(inline.claims);
    expect(offThread.claims.length).toBeGreaterThan(10);
  });

  it("keeps its worker warm: jobs after the first one reuse it, and one that ran out of time is replaced", async () => {
    const parser = parserWith({ timeoutMs: 5_000 });
    for (let i = 0; i < 3; i++) {
      expect((await extractClaims(`Acme sold ${i + 1} million chips in 2024.`, parser)).claims).toHaveLength(
        1,
      );
      expect(parser.idleWorkers()).toBe(1);
    }
    const tiny = parserWith({ timeoutMs: 1 });
    await expect(extractClaims(SEED, tiny)).rejects.toThrow(/takes longer than 0.001 seconds/);
    expect(tiny.idleWorkers()).toBe(0);
    await expect(extractClaims(SEED, parser)).resolves.toMatchObject({
      projection: { text: expect.stringContaining("Alibaba") },
    });
  });

  it("answers a text beyond its time budget with a clear 422, never a crash", async () => {
    const table = `| a | b |\n|---|---|\n${"| Acme sold 5 million chips | in 2024 |\n".repeat(20_000)}`;
    const failure = await extractClaims(table, parserWith({ timeoutMs: 50 })).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).status).toBe(422);
    expect((failure as UserError).message).toBe(
      "This text takes longer than 0.05 seconds to split into claims. Shorten the text or split the article in parts; nothing was saved.",
    );
  });

  it("refuses at once, with 429, when too many texts are waiting", async () => {
    const parser = parserWith({ concurrency: 1, maxWaiting: 0 });
    const [first, second] = await Promise.allSettled([
      extractClaims(SEED, parser),
      extractClaims(SEED, parser),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second).toMatchObject({ status: "rejected", reason: { status: 429, retryAfterSeconds: 60 } });
  });

  it("other work goes on while a long text is split: timers fire before it is done", async () => {
    const long = `${SEED}\n\n`.repeat(40);
    const events: string[] = [];
    const ticks = (async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        events.push("tick");
      }
    })();
    await extractClaims(long, parserWith({})).then(() => events.push("split"));
    await ticks;
    expect(events.indexOf("split")).toBe(5);
  });
});

describe("placing claims in a corrected text off the event loop", () => {
  const text = "Acme sold 3 million chips in 2024. Its rival sold 2 million.";
  const claim = { quote: "Its rival sold 2 million.", prefix: "in 2024. ", suffix: "", start: 35 };

  it("places them in a worker as reanchorAll does", async () => {
    const [placed] = await placeClaims(text, [claim], parserWith({}));
    expect(placed).toMatchObject({ status: "placed", how: "exact", start: 35 });
  });

  it("saves nothing past the budget or the job's time, and says what to do", async () => {
    const pastBudget = { ...parserWith({}), reanchor: async () => null };
    const refused = await placeClaims(text, [claim], pastBudget).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect(refused).toMatchObject({
      status: 422,
      message:
        "Claimdesk could not find this article's claims in the new text within 6 seconds. Correct it in smaller steps, a few paragraphs at a time; nothing was saved.",
    });
    const late = await placeClaims(text, [claim], parserWith({ timeoutMs: 1 })).catch((e: unknown) => e);
    expect(late).toMatchObject({ status: 422, message: expect.stringContaining("within 0.001 seconds") });
  });
});
