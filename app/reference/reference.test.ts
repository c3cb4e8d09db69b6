import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { ConflictError, UserError } from "../utils/errors";

// Loading the shipped reference into a real SQLite file, correcting rows with their audit trail,
// and the claim page's figures following a correction.
const file = await useFreshDatabase();
const { db } = await import("../db/client.server");
const reference = await import("./reference.server");
const { shippedReference } = await import("./fixture.server");
const { HardwareEditSchema, HardwareFormSchema } = await import("./schemas");

const raw = new Database(file);
const editor = Number(
  raw
    .prepare(
      `INSERT INTO "User" (email, name, role, active, passwordHash, createdAt) VALUES ('ed@paper.test', 'Ed Itor', 'editor', 1, 'x', '2026-01-01T00:00:00.000+00:00')`,
    )
    .run().lastInsertRowid,
);
const user = { id: editor };

describe("loading the reference", () => {
  it("fills an empty table once, from two processes starting together", async () => {
    const script = path.join(path.dirname(file), "load.mts");
    writeFileSync(
      script,
      `const { loadReferenceIfEmpty } = await import(${JSON.stringify(path.resolve("app/reference/reference.server.ts"))});
      console.log(await loadReferenceIfEmpty());`,
    );
    const env = { ...process.env, DATABASE_URL: `file:${file}`, CLAIMDESK_SEED: "off" };
    const run = () => promisify(execFile)("npx", ["tsx", script], { env });
    const [a, b] = await Promise.all([run(), run()]);
    const added = [a, b].map((out) => Number(out.stdout.trim()));
    expect(added.reduce((x, y) => x + y)).toBe(170);
    expect(await db().hardwareReference.count()).toBe(170);
    expect(await reference.loadReferenceIfEmpty()).toBe(0);
    // Both found the table empty: the second insert adds nothing rather than failing.
    expect(await reference.insertReferenceRows(shippedReference())).toBe(0);
    expect(await db().hardwareReference.count()).toBe(170);
    const h20 = await db().hardwareReference.findUniqueOrThrow({ where: { name: "NVIDIA HGX H20" } });
    expect(h20).toMatchObject({ int8Tops: 296, fp16Tflops: 148, memoryGb: 96, tdpWatts: 400, version: 1 });
    expect(h20.sourceName).toBe("Epoch AI, Machine Learning Hardware (CC BY 4.0)");
  }, 60_000);
});

describe("listing the reference", () => {
  it("pages by name and searches names, other names and manufacturers", async () => {
    const first = await reference.referencePage("", 1);
    expect(first).toMatchObject({ total: 170, page: 1, hasPrevious: false, hasNext: true });
    expect(first.items).toHaveLength(25);
    const last = await reference.referencePage("", 7);
    expect(last).toMatchObject({ hasPrevious: true, hasNext: false });
    expect(last.items).toHaveLength(20);
    expect((await reference.referencePage("huawei 910b", 1)).items.map((row) => row.name)).toEqual([
      "Huawei Ascend 910B",
      "Huawei Ascend 910B Pro",
      "Huawei Ascend 910B1 (v1)",
      "Huawei Ascend 910B1 (v2)",
      "Huawei Ascend 910B2",
      "Huawei Ascend 910B3",
      "Huawei Ascend 910B4",
    ]);
    expect((await reference.referencePage("ironwood", 1)).items.map((row) => row.name)).toEqual([
      "Google TPU v7 Ironwood",
    ]);
  });
});

describe("correcting the reference", () => {
  const formOf = async (name: string) => {
    const row = await db().hardwareReference.findUniqueOrThrow({ where: { name } });
    const values = Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value === null ? "" : String(value)]),
    );
    return { row, values };
  };

  it("saves a correction with its audit event, and the claim's check follows it", async () => {
    const claim = "Alibaba's Hanguang 800 chip delivers 900 TOPS.";
    const before = await reference.referencesForClaim(claim);
    expect(before.hardware[0]!.figures[0]).toMatchObject({ value: 825, agrees: false });

    const { row, values } = await formOf("T-Head Hanguang 800");
    const form = HardwareEditSchema.parse({ ...values, int8Tops: "900", sourceName: "Alibaba datasheet" });
    const saved = await reference.correctReferenceRow(row.id, form.version, form, user);
    expect(saved).toMatchObject({ int8Tops: 900, version: 2, updatedById: editor });

    const after = await reference.referencesForClaim(claim);
    expect(after.hardware[0]!.figures[0]).toMatchObject({
      value: 900,
      agrees: true,
      source: { name: "Alibaba datasheet" },
    });

    const events = await db().auditEvent.findMany({
      where: { entityType: "hardware-reference", entityId: row.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: editor, action: "corrected" });
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ int8Tops: 825 });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ int8Tops: 900, sourceName: "Alibaba datasheet" });
    const trail = await reference.referenceHistory(row.id);
    expect(trail[0]!.changes).toEqual([
      { field: "int8Tops", before: 825, after: 900 },
      {
        field: "sourceName",
        before: "Epoch AI, Machine Learning Hardware (CC BY 4.0)",
        after: "Alibaba datasheet",
      },
    ]);
  });

  it("refuses a correction made on a stale version, saving nothing", async () => {
    const { row, values } = await formOf("NVIDIA HGX H20");
    const first = HardwareEditSchema.parse({ ...values, tdpWatts: "350" });
    await reference.correctReferenceRow(row.id, first.version, first, user);
    const stale = HardwareEditSchema.parse({ ...values, tdpWatts: "500" });
    await expect(reference.correctReferenceRow(row.id, stale.version, stale, user)).rejects.toThrow(
      ConflictError,
    );
    await expect(reference.correctReferenceRow(row.id, stale.version, stale, user)).rejects.toThrow(
      /changed since you opened it/,
    );
    expect((await db().hardwareReference.findUniqueOrThrow({ where: { id: row.id } })).tdpWatts).toBe(350);
  });

  it("adds a row (audited) that claims then recognise, and refuses a second row of the same name", async () => {
    const form = HardwareFormSchema.parse({
      name: "Alibaba Zhenwu PPU",
      aliases: "Zhenwu 810E",
      manufacturer: "Alibaba",
      int8Tops: "1,000",
      memoryGb: "96",
      sourceName: "Alibaba Cloud",
      sourceUrl: "https://www.alibabacloud.com/",
    });
    const row = await reference.addReferenceRow(form, user);
    expect(row.int8Tops).toBe(1000);
    expect(
      await db().auditEvent.count({
        where: { entityType: "hardware-reference", entityId: row.id, action: "added" },
      }),
    ).toBe(1);
    const found = await reference.referencesForClaim("The Zhenwu 810E chip has 96 GB of memory.");
    expect(found.hardware[0]).toMatchObject({ name: "Alibaba Zhenwu PPU", mention: "Zhenwu 810E" });
    await expect(reference.addReferenceRow(form, user)).rejects.toThrow(UserError);
    await expect(reference.addReferenceRow(form, user)).rejects.toThrow(/already a reference row named/);
  });

  it("explains bad input field by field", () => {
    const parsed = HardwareFormSchema.safeParse({
      name: " ",
      int8Tops: "lots",
      releaseDate: "2023-02-30",
      sourceUrl: "javascript:alert(1)",
      sourceName: "",
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      name: "Give the hardware's name.",
      int8Tops: "INT8 performance must be a positive number in TOPS, or left empty.",
      releaseDate: "Give the release date as YYYY-MM-DD (2023-11-09), or leave it empty.",
      sourceUrl: "Use a web address starting with http:// or https://, or leave it empty.",
      sourceName: "Say where the figures come from (a datasheet, Epoch AI, the vendor).",
    });
  });
});
