import { describe, expect, it } from "vitest";
import { openingView, type DeskCounts } from "./desk";

const none: DeskCounts = { mine: 0, toReview: 0, review: 0, mentions: 0, unassigned: 0 };
const editor = { edit: true, approve: false };
const reviewer = { edit: true, approve: true };

describe("the view a desk opens on", () => {
  it("is the person's own queue when it holds anything", () => {
    expect(openingView({ ...none, mine: 2, toReview: 5, mentions: 1 }, reviewer).key).toBe("mine");
  });

  it("is, for a reviewer with an empty queue, the verdicts others wrote that wait for them", () => {
    expect(openingView({ ...none, toReview: 3, review: 4, unassigned: 9 }, reviewer).key).toBe("toReview");
    // An editor may not approve: waiting claims are not theirs to act on.
    expect(openingView({ ...none, toReview: 3, review: 4, unassigned: 9 }, editor).key).toBe("unassigned");
  });

  it("is the claims they were mentioned on, before unassigned claims", () => {
    expect(openingView({ ...none, mentions: 1, unassigned: 9 }, editor).key).toBe("mentions");
  });

  it("is all open claims for someone who checks none, and the empty queue when there is nothing", () => {
    expect(openingView({ ...none, unassigned: 9 }, { edit: false, approve: false }).key).toBe("open");
    expect(openingView(none, editor).key).toBe("mine");
  });
});
