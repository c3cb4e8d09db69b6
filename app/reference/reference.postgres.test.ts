import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { ConflictError } from "../utils/errors";

// The reference on PostgreSQL: the same insert (ON CONFLICT over json_to_recordset), the same
// corrections and conflicts as on SQLite (reference.test.ts).
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const reference = await import("./reference.server");
const { shippedReference } = await import("./fixture.server");
const { HardwareEditSchema } = await import("./schemas");

describe("the hardware reference on PostgreSQL", () => {
  it("loads once, corrects with a version check, and the claim's check follows", async () => {
    expect(await reference.loadReferenceIfEmpty()).toBe(170);
    expect(await reference.insertReferenceRows(shippedReference())).toBe(0);
    expect(await reference.loadReferenceIfEmpty()).toBe(0);
    expect(await db().hardwareReference.count()).toBe(170);

    const editor = await createUser({
      email: "ed@pg.test",
      name: "Ed",
      role: "editor",
      password: "a long password here",
    });
    const row = await db().hardwareReference.findUniqueOrThrow({ where: { name: "T-Head Hanguang 800" } });
    const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)]));
    const form = HardwareEditSchema.parse({ ...values, int8Tops: "900" });
    await reference.correctReferenceRow(row.id, form.version, form, editor);
    await expect(reference.correctReferenceRow(row.id, form.version, form, editor)).rejects.toThrow(
      ConflictError,
    );
    const checked = await reference.referencesForClaim("Alibaba's Hanguang 800 chip delivers 900 TOPS.");
    expect(checked.hardware[0]!.figures[0]).toMatchObject({ value: 900, agrees: true });
    expect(await db().auditEvent.count({ where: { entityType: "hardware-reference" } })).toBe(1);
  });
});
