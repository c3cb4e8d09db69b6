import { describe, expect, it } from "vitest";
import { DueSchema, formatDue, isLate, localTime, zonedInstant } from "./due";

describe("due times", () => {
  it("mean the wall-clock time in the educator's zone, summer or winter", () => {
    expect(zonedInstant("2026-12-01T14:00", "Europe/Paris")?.toISOString()).toBe("2026-12-01T13:00:00.000Z");
    expect(zonedInstant("2026-07-01T14:00", "Europe/Paris")?.toISOString()).toBe("2026-07-01T12:00:00.000Z");
    expect(zonedInstant("2026-12-01T09:30", "America/New_York")?.toISOString()).toBe(
      "2026-12-01T14:30:00.000Z",
    );
    expect(zonedInstant("2026-12-01T14:00", "UTC")?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    // On the night clocks go back, the first 02:30 (summer time) is the one meant.
    expect(zonedInstant("2026-10-25T02:30", "Europe/Paris")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // 02:30 on the night clocks go forward does not exist: it is 03:30 summer time.
    expect(zonedInstant("2026-03-29T02:30", "Europe/Paris")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuse impossible dates and unknown zones", () => {
    expect(zonedInstant("2026-02-30T10:00", "UTC")).toBeNull();
    expect(zonedInstant("2026-12-01 25:00", "UTC")).toBeNull();
    expect(zonedInstant("2026-12-01T14:00", "Mars/Olympus")).toBeNull();
  });

  it("read back into the form and show to students as set", () => {
    const due = zonedInstant("2026-12-01T14:00", "Europe/Paris")!;
    expect(localTime(due, "Europe/Paris")).toBe("2026-12-01T14:00");
    expect(formatDue(due, "Europe/Paris")).toBe("Tuesday, 1 December 2026, 14:00 (Europe/Paris)");
    expect(formatDue(zonedInstant("2026-12-01T09:05", "America/New_York")!, "America/New_York")).toBe(
      "Tuesday, 1 December 2026, 09:05 (America/New York)",
    );
  });

  it("mark answers sent after it late, and none when there is no due time", () => {
    const due = new Date("2026-12-01T13:00:00Z");
    expect(isLate(due, new Date("2026-12-01T13:00:01Z"))).toBe(true);
    expect(isLate(due, new Date("2026-12-01T12:59:59Z"))).toBe(false);
    expect(isLate(null, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });

  it("come from the form as an instant and a zone, or nothing, with a clear message otherwise", () => {
    expect(DueSchema.parse({ due: "", dueZone: "Europe/Paris" })).toEqual({ dueAt: null, dueZone: "" });
    expect(DueSchema.parse({ due: "2026-12-01T14:00", dueZone: "Europe/Paris" })).toEqual({
      dueAt: new Date("2026-12-01T13:00:00Z"),
      dueZone: "Europe/Paris",
    });
    const bad = DueSchema.safeParse({ due: "tomorrow", dueZone: "UTC" });
    expect(bad.success || bad.error.issues[0]).toMatchObject({ path: ["due"], message: /date and a time/ });
    const zone = DueSchema.safeParse({ due: "2026-12-01T14:00", dueZone: "Nowhere" });
    expect(zone.success || zone.error.issues[0]).toMatchObject({ path: ["dueZone"] });
  });
});
