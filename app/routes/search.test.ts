import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

// "Has this been checked before?" from the search page, through its real loader on a SQLite file
// with the seed's fact-check: a sentence nobody imported finds the claim that states it.
await useFreshDatabase();
const { createUser } = await import("../auth/users.server");
const { startSession } = await import("../auth/session.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { loader } = await import("./search");

let cookie = "";

beforeAll(async () => {
  await seedIfEmpty();
  const viewer = await createUser({
    email: "vi@search-page.test",
    name: "Vi",
    role: "viewer",
    password: "a long password",
  });
  cookie = (await startSession(viewer.id, new Request("http://localhost/login"))).split(";")[0]!;
});

async function search(query: string) {
  const request = new Request(`http://localhost/search?${query}`, { headers: { cookie } });
  const answer = (await loader(routeArgs(request))) as { data: Record<string, unknown> };
  return answer.data as {
    checkedBefore: Array<{ text: string; verdict: string | null; relation: string }> | null;
    groups: Array<{ total: number }>;
  };
}

describe("search for a sentence", () => {
  it("says whether it was checked before, though no passage holds every word", async () => {
    const found = await search(
      new URLSearchParams({
        q: "Nvidia shares dropped 3 percent after Alibaba unveiled its chip",
      }).toString(),
    );
    expect(found.groups.reduce((sum, g) => sum + g.total, 0)).toBe(0);
    expect(found.checkedBefore?.[0]).toMatchObject({ text: "Nvidia stock dipped 3–4%" });
    expect(found.checkedBefore?.[0]?.verdict).not.toBeNull();
    // As the form sends it without JavaScript: every field, the unused ones empty.
    const fromForm = await search(
      new URLSearchParams({
        q: "Nvidia shares dropped 3 percent after Alibaba unveiled its chip",
        kind: "",
        verdict: "",
        status: "",
        outlet: "",
        from: "",
        to: "",
      }).toString(),
    );
    expect(fromForm.checkedBefore?.[0]).toMatchObject({ text: "Nvidia stock dipped 3–4%" });
  });

  it("leaves keyword look-ups and pages of one kind to search alone", async () => {
    expect((await search("q=Nvidia+stock")).checkedBefore).toBeNull();
    expect((await search("q=Nvidia+shares+dropped+sharply&kind=claim")).checkedBefore).toBeNull();
  });
});
