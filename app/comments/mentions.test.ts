import { describe, expect, it } from "vitest";
import { handlesOf, mentionedHandles, resolveMentions } from "./mentions";

const ada = { id: 1, name: "Ada Lovelace", email: "ada@paper.test" };
const adam = { id: 2, name: "Adam Smith", email: "asmith@paper.test" };
const sam = { id: 3, name: "Sam Lee", email: "sam.lee@paper.test" };
const samuel = { id: 4, name: "Sam Okafor", email: "so@paper.test" };
const people = [ada, adam, sam, samuel];

describe("@name mentions", () => {
  it("finds the @names a comment writes, not e-mail addresses, each once", () => {
    expect(mentionedHandles("@Ada, can you check? cc @ada. Mail ada@paper.test or @sam.lee.")).toEqual([
      "ada",
      "sam.lee",
    ]);
    expect(mentionedHandles("No mentions @ here, nor a@b.")).toEqual([]);
  });

  it("knows a person by first name, full name and e-mail name", () => {
    expect(handlesOf(ada)).toEqual(["ada", "adalovelace", "ada.lovelace"]);
    expect(handlesOf(sam)).toEqual(["sam", "samlee", "sam.lee"]);
  });

  it("names a person only when exactly one answers; unknown and ambiguous names stay text", () => {
    const resolved = resolveMentions("@ada and @AdaLovelace, @sam, @SamOkafor, @nobody", people);
    expect(resolved.people.map((p) => p.id)).toEqual([1, 4]);
    expect(resolved.unresolved).toEqual([
      { handle: "sam", matches: 2 },
      { handle: "nobody", matches: 0 },
    ]);
  });
});
