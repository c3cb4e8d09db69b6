import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

// Starting a claim from a confirmed earlier check, through the claim page's real action and
// loader on a SQLite file with the seed's published fact-checks: what is copied names the earlier
// claim as readers and the desk do, and the page says what it did where it lands (#matches-saved).
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { startSession } = await import("../auth/session.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { importArticle } = await import("../newsroom/articles.server");
const { claimNumbers } = await import("../newsroom/claim-numbers");
const { publicUrl } = await import("../utils/config.server");
const { action, loader } = await import("./claim");

let cookie = "";
let articleId = 0;
let claimId = 0;
let seedTops = 0;

beforeAll(async () => {
  await seedIfEmpty();
  const editor = await createUser({
    email: "ed@claim-matches.test",
    name: "Ed",
    role: "editor",
    password: "a long password",
  });
  cookie = (await startSession(editor.id, new Request("http://localhost/login"))).split(";")[0]!;
  const article = await importArticle(
    {
      title: "Alibaba's chip, told again",
      outlet: "Quillmark Daily",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source:
        "Alibaba's new inference processor reaches 12 TOPS, on par with mid-range Nvidia chips, the company says.",
    },
    editor.id,
  );
  articleId = article.id;
  claimId = (await db().claim.findFirstOrThrow({ where: { articleId, quote: { contains: "12 TOPS" } } })).id;
  seedTops = (await db().claim.findFirstOrThrow({ where: { quote: { contains: "Up to 12 TOPS" } } })).id;
});

const here = () => `http://localhost/articles/${articleId}/claims/${claimId}`;
const params = () => ({ id: String(articleId), claimId: String(claimId) });

async function post(fields: Record<string, string>): Promise<Response> {
  const request = new Request(here(), {
    method: "POST",
    headers: { cookie },
    body: new URLSearchParams(fields),
  });
  const answer = (await action(routeArgs(request, params()))) as unknown;
  if (!(answer instanceof Response)) throw new Error(`Refused: ${JSON.stringify(answer)}`);
  return answer;
}

const open = (location: string) =>
  loader(routeArgs(new Request(new URL(location, here()), { headers: { cookie } }), params()));

describe("starting from an earlier check of the same claim", () => {
  let seedNumber = 0;
  let seedTitle = "";

  it("cites the earlier claim by its number, linked to it on the published fact-check, and says what it copied where the page lands", async () => {
    const seed = await db().claim.findUniqueOrThrow({
      where: { id: seedTops },
      include: { article: true, evidence: true },
    });
    seedTitle = seed.article.title;
    seedNumber = claimNumbers(await db().claim.findMany({ where: { articleId: seed.articleId } })).get(
      seedTops,
    )!;
    expect(seedNumber).not.toBe(seedTops);

    const same = await post({ intent: "match", otherId: String(seedTops), decision: "same" });
    expect((await open(same.headers.get("Location")!)).notice).toEqual({
      section: "matches",
      text: `Marked as the same claim as claim ${seedNumber} of “${seedTitle}”. You can start from its check below; the history records the decision.`,
    });
    const { version } = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
    const started = await post({
      intent: "match",
      otherId: String(seedTops),
      decision: "start",
      version: String(version),
    });
    // Said in the section the page lands on, with what was copied from which claim.
    const location = started.headers.get("Location")!;
    expect(location).toMatch(/#matches-saved$/);
    expect((await open(location)).notice).toEqual({
      section: "matches",
      text: `Copied the verdict (Inaccurate), the rationale and ${seed.evidence.length} sources from claim ${seedNumber} of “${seedTitle}”. This claim now waits for review by someone else.`,
    });

    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, include: { evidence: true } });
    const latest = await db().publication.findFirstOrThrow({
      where: { articleId: seed.articleId },
      orderBy: { number: "desc" },
    });
    const permalink = `${publicUrl()}/fact-checks/${seed.article.slug}/v/${latest.number}#claim-${seedNumber}`;
    expect(claim.rationale).toContain(`in “${seedTitle}” ([claim ${seedNumber}](${permalink})).`);
    expect(claim.rationale).not.toContain(`claim ${seedTops})`);
    expect(claim.evidence).toHaveLength(seed.evidence.length);
    for (const e of claim.evidence)
      expect(e.note).toContain(`Copied from claim ${seedNumber} of “${seedTitle}”.`);
    // Sources already cited here are not copied twice, and the page says so.
    const { version: again } = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
    const repeated = await post({
      intent: "match",
      otherId: String(seedTops),
      decision: "start",
      version: String(again),
    });
    expect((await open(repeated.headers.get("Location")!)).notice?.text).toContain(
      `the verdict (Inaccurate) and the rationale from claim ${seedNumber} of “${seedTitle}”; ${seed.evidence.length} sources it cites were already cited here.`,
    );
    // The rationale renders the citation as a link readers can follow.
    const page = await open(here());
    expect(page.rationaleHtml).toContain(`<a href="${permalink}">claim ${seedNumber}</a>`);
  });
});
