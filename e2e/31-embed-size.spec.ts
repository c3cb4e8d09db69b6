import { expect, test, type Page } from "@playwright/test";
import { renderClaimCard } from "../app/publishing/embed.server";
import { EMBED_HEIGHT } from "../app/publishing/links";
import { SnapshotSchema, SNAPSHOT_SCHEMA } from "../app/publishing/snapshot";
import { failOnServerErrors } from "./helpers";

// A claim card embedded in another site: whole at a phone's width and at the code's 560 px,
// fitted to its card where script runs, and tall enough for it where it does not.

const SEED = "/fact-checks/alibaba-ai-chip";
/** The iframe's width on a 375 px phone whose page has 16 px margins, the code's own, and the narrowest phone's. */
const WIDTHS = [343, 560, 288];

/** The embed codes of the seed's claims, from their code pages. */
async function seedEmbedCodes(page: Page): Promise<string[]> {
  await page.goto(SEED);
  const codePages = await page
    .getByRole("link", { name: "Embed this claim" })
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const codes: string[] = [];
  for (const address of codePages) {
    await page.goto(address);
    codes.push(await page.getByLabel("Code to paste into your page").inputValue());
  }
  return codes;
}

/**
 * Opens `body` as another site's page at `width`: another origin than the cards' (127.0.0.1,
 * where they come from localhost), on loopback too, as Chromium lets no public page frame a
 * loopback address. The page starts as a file the server sends without a Content-Security-Policy
 * of its own, which would stay with the page and refuse the iframe.
 */
async function openHostPage(page: Page, body: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`http://127.0.0.1:${new URL(test.info().project.use.baseURL!).port}/claimdesk.css`);
  await page.setContent(
    `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"><style>body{margin:16px;font:16px serif;background:#f3efe6}</style></head><body><p>A newspaper's story, before the card.</p>${body}<p>After the card.</p></body></html>`,
  );
}

/** The card's own height as laid out at `width`, read from its page opened at that width. */
async function cardHeight(page: Page, address: string, width: number): Promise<number> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(address);
  return page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

const iframes = (page: Page) => page.locator("iframe[src*='/embed/claims/']");
const srcOf = (code: string) => /src="([^"]+)"/.exec(code)![1]!;

test("with script, the iframe fits its card at 560 and 375 px, and believes only its own card", async ({
  page,
}) => {
  failOnServerErrors(page);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  const [first, second] = await seedEmbedCodes(page);
  for (const [viewport, frameWidth] of [
    [560 + 32, 560],
    [375, 343],
  ] as const) {
    await openHostPage(page, `${first}<p>Between the cards.</p>${second}`, viewport);
    const iframes = page.locator("iframe");
    for (const [i, code] of [first!, second!].entries()) {
      const iframe = iframes.nth(i);
      const frame = page.frameLocator("iframe").nth(i);
      await expect(frame.getByRole("link", { name: "Read the full fact-check" })).toBeVisible();
      const box = (await iframe.boundingBox())!;
      expect(Math.round(box.width)).toBe(frameWidth);
      // Fitted to the card exactly: no scroll bar, no empty band.
      const expected = await frame
        .locator("html")
        .evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
      await expect(iframe).toHaveAttribute("height", String(expected));
      expect(expected).toBeLessThan(EMBED_HEIGHT);
      // "Read the full fact-check" lies inside the iframe's visible box.
      const link = (await frame.getByRole("link", { name: "Read the full fact-check" }).boundingBox())!;
      expect(link.y + link.height).toBeLessThanOrEqual(box.y + box.height);
      expect(srcOf(code)).toMatch(/\/embed\/claims\/\d+$/);
    }
    await page.screenshot({ path: test.info().outputPath(`embedded-${frameWidth}.png`), fullPage: true });
  }
  expect(violations).toEqual([]);

  // Heights from anyone but the iframe's own card are ignored: the host page itself, a frame of
  // another origin, or the other card.
  const heights = () => iframes(page).evaluateAll((all) => all.map((f) => f.getAttribute("height")));
  const before = await heights();
  // Counted by a listener added after the embed code's: once it has seen both forged heights,
  // the embed code's listeners have handled them too.
  await page.evaluate(() => {
    const seen = window as unknown as { forgedHeightsSeen: number };
    seen.forgedHeightsSeen = 0;
    window.addEventListener("message", (event) => {
      const height = (event.data as { claimdeskCardHeight?: number } | null)?.claimdeskCardHeight;
      if (height === 7 || height === 9) seen.forgedHeightsSeen++;
    });
    window.postMessage({ claimdeskCardHeight: 7 }, "*");
    const stranger = document.createElement("iframe");
    stranger.srcdoc = `<script>parent.postMessage({claimdeskCardHeight: 9}, "*")</script>`;
    document.body.append(stranger);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { forgedHeightsSeen: number }).forgedHeightsSeen))
    .toBe(2);
  expect(await heights()).toEqual(before);
  expect(before[0]).not.toBe(before[1]);
});

test.describe("without script", () => {
  test("every seeded card, and a card with the most it can show, fits the iframe's default height", async ({
    page,
    browser,
  }) => {
    failOnServerErrors(page);
    const codes = await seedEmbedCodes(page);
    expect(codes.length).toBe(16);
    for (const code of codes) expect(code).toContain(`height="${EMBED_HEIGHT}"`);
    for (const code of codes)
      for (const width of WIDTHS)
        expect(
          await cardHeight(page, srcOf(code), width),
          `${srcOf(code)} at ${width} px`,
        ).toBeLessThanOrEqual(EMBED_HEIGHT);

    // The most a card can hold: every part long, each held to its lines.
    const long = (words: number, word = "Extraordinarily") => Array(words).fill(word).join(" ");
    const snapshot = SnapshotSchema.parse({
      schema: SNAPSHOT_SCHEMA,
      number: 12,
      publishedAt: "2026-09-30T12:00:00.000Z",
      publishedBy: "Desk",
      changeNote: "Corrected.",
      article: {
        title: long(30, "Headline"),
        slug: "long",
        outlet: long(20, "Outlet"),
        author: "",
        sourceUrl: "",
        originalDate: "",
        markdown: "x",
      },
      claims: [
        {
          id: 1,
          number: 123,
          start: 0,
          end: 1,
          quote: long(80),
          prefix: "",
          suffix: "",
          verdict: "mostly-accurate",
          rationale: long(100, "Wwwwwww"),
          approvedBy: "R",
          approvedAt: "2026-09-30T12:00:00.000Z",
          evidence: [1, 2, 3, 4].map((n) => ({
            url: `https://source${n}.example/`,
            title: long(20, "Wwwwww"),
            publisher: "",
            publishedOn: "2025-09-30",
            stance: "supports",
            note: "",
            excerpt: "",
            archiveUrl: "",
          })),
        },
      ],
    });
    const card = renderClaimCard(snapshot, snapshot.claims[0]!, {
      baseUrl: "https://checks.example",
      name: "A fact-checking organisation with a long name",
    });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.setContent(card);
      const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
      expect(height, `the longest card at ${width} px`).toBeLessThanOrEqual(EMBED_HEIGHT);
      await expect(page.getByRole("link", { name: "Read the full fact-check" })).toBeInViewport();
    }

    // A host page without script shows the whole card, "Read the full fact-check" included.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const host = await context.newPage();
    await openHostPage(host, codes[0]!, 375);
    const iframe = host.locator("iframe");
    await expect(iframe).toHaveAttribute("height", String(EMBED_HEIGHT));
    const link = host.frameLocator("iframe").getByRole("link", { name: "Read the full fact-check" });
    await expect(link).toBeVisible();
    const frameBox = (await iframe.boundingBox())!;
    const linkBox = (await link.boundingBox())!;
    expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    await host.screenshot({
      path: test.info().outputPath("embedded-375-without-script.png"),
      fullPage: true,
    });
    await openHostPage(host, codes[0]!, 592);
    await host.screenshot({
      path: test.info().outputPath("embedded-560-without-script.png"),
      fullPage: true,
    });
    await context.close();
  });
});

test("a card's sources show their stance and date whole on a phone; a long title gives way", async ({
  page,
}) => {
  failOnServerErrors(page);
  const cards = (await seedEmbedCodes(page)).map(srcOf);
  let dated = 0;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const card of cards) {
      await page.goto(card);
      await expect(page.getByRole("link", { name: "Read the full fact-check" })).toBeVisible();
      const sources = await page.locator("li").evaluateAll((items) =>
        items.map((li) => {
          const date = li.querySelector(".date");
          const stance = li.querySelector(".stance")!;
          const right = li.getBoundingClientRect().right + 0.5;
          return {
            text: li.textContent,
            // Nothing of the line is hidden but the end of its title (the link's own ellipsis).
            lineWhole: li.scrollWidth <= li.clientWidth,
            stanceWhole: stance.getBoundingClientRect().right <= right,
            date: date?.textContent ?? null,
            dateWhole:
              !date || (date.getBoundingClientRect().right <= right && date.scrollWidth <= date.clientWidth),
          };
        }),
      );
      for (const source of sources) {
        expect(source, `${card} at ${width} px`).toMatchObject({
          lineWhole: true,
          stanceWhole: true,
          dateWhole: true,
        });
        if (source.date) dated++;
      }
    }
  }
  expect(dated).toBeGreaterThan(0);
  // The seed's first card, whose sources' titles are long, as a 375 px phone shows it (343 px inside its margins).
  await page.setViewportSize({ width: 343, height: 520 });
  await page.goto(cards[0]!);
  await expect(page.locator("li .date").last()).toHaveText("· 29 August 2025");
  await page.screenshot({ path: test.info().outputPath("card-sources-343.png") });
});
