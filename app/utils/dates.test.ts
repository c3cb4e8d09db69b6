import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarDay, isCalendarDay, partialDate } from "./dates";

const messageFor = (value: string) => partialDate.safeParse(value).error?.issues[0]?.message;

describe("partialDate", () => {
  it("takes a day, a month, a year or nothing", () => {
    for (const value of ["2025-08-29", "2025-08", "2025", "", "2024-02-29", "2000-02-29"])
      expect(partialDate.parse(value)).toBe(value);
    expect(partialDate.parse(undefined)).toBe("");
    expect(partialDate.parse(" 2025-08 ")).toBe("2025-08");
  });

  it("refuses days the calendar does not have, saying so", () => {
    for (const value of ["2017-02-30", "2023-02-29", "1900-02-29", "2025-04-31", "2025-06-31"])
      expect(messageFor(value)).toBe(
        `${value} is not a day of the calendar: check the day and month (only a leap year has 29 February).`,
      );
  });

  it("refuses what is not a date at all with the format to use", () => {
    expect(messageFor("29/08/2025")).toMatch(/Use a date like 2025-08-29/);
    expect(messageFor("2025-13")).toMatch(/months run from 01 to 12/);
    expect(messageFor("2025-01-32")).toMatch(/days from 01 to 31/);
    expect(messageFor("2025-00-10")).toMatch(/months run from 01 to 12/);
  });

  it("agrees with the calendar on every day of four centuries", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1800-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (d) => {
          const value = d.toISOString().slice(0, 10);
          expect(partialDate.parse(value)).toBe(value);
        },
      ),
    );
  });
});

describe("calendarDay", () => {
  it("is a UTC midnight for a real day and a message for an impossible one", () => {
    expect(calendarDay.parse("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(calendarDay.safeParse("2017-02-30").error?.issues[0]?.message).toMatch(
      /not a day of the calendar/,
    );
    expect(isCalendarDay(2017, 2, 28)).toBe(true);
  });
});
