import { describe, expect, it } from "vitest";
import { creditLine, SEED_PUBLISHER } from "./credit";

describe("creditLine", () => {
  it("names the editors who researched and the reviewers who approved, once each", () => {
    expect(
      creditLine([
        { checkedBy: "Edith Editor", approvedBy: "Rui Reviewer" },
        { checkedBy: "Omar Other", approvedBy: "Rui Reviewer" },
        { checkedBy: "Edith Editor", approvedBy: "Rui Reviewer" },
      ]),
    ).toBe("Checked by Edith Editor and Omar Other · Reviewed by Rui Reviewer");
    expect(
      creditLine([
        { checkedBy: "A", approvedBy: "X" },
        { checkedBy: "B", approvedBy: "X" },
        { checkedBy: "C", approvedBy: "X" },
      ]),
    ).toBe("Checked by A, B and C · Reviewed by X");
  });

  it("leaves out a role nobody is named for (snapshots from before the credit was kept)", () => {
    expect(creditLine([{ approvedBy: "Rui Reviewer" }])).toBe("Reviewed by Rui Reviewer");
  });

  it("never credits the software", () => {
    const line = creditLine([{ checkedBy: "", approvedBy: SEED_PUBLISHER }]);
    expect(line).not.toMatch(/Checked by Claimdesk/);
    expect(line).toMatch(/no one is named/);
  });
});
