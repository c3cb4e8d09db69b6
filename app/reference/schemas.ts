import { z } from "zod";
import { METRICS, type Metric } from "./hardware";

/** The reference row form (add and edit), shared by the page and its action. */

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} is too long: at most ${max} characters.`).default("");

/** A figure as typed: "", "1,979" or "989.5"; stored as a positive number or null. */
const figure = (metric: Metric) =>
  z
    .string()
    .trim()
    .default("")
    .transform((value, ctx) => {
      if (value === "") return null;
      const number = Number(value.replace(/,/g, ""));
      if (!Number.isFinite(number) || number <= 0) {
        ctx.addIssue({
          code: "custom",
          message: `${METRICS[metric].label} must be a positive number in ${METRICS[metric].unit}, or left empty.`,
        });
        return z.NEVER;
      }
      return number;
    });

const webAddress = z
  .string()
  .trim()
  .max(2000, "The source link is too long.")
  .default("")
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Use a web address starting with http:// or https://, or leave it empty.");

const releaseDate = z
  .string()
  .trim()
  .default("")
  .refine(
    (value) =>
      value === "" ||
      (/^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)),
    "Give the release date as YYYY-MM-DD (2023-11-09), or leave it empty.",
  );

export const HardwareFormSchema = z.object({
  name: z
    .string({ error: "Give the hardware's name." })
    .trim()
    .min(1, "Give the hardware's name.")
    .max(120, "The name is too long: at most 120 characters."),
  aliases: text(500, "The list of other names"),
  manufacturer: text(120, "The manufacturer"),
  int8Tops: figure("int8Tops"),
  fp16Tflops: figure("fp16Tflops"),
  memoryGb: figure("memoryGb"),
  bandwidthGbs: figure("bandwidthGbs"),
  tdpWatts: figure("tdpWatts"),
  processNm: figure("processNm"),
  foundry: text(120, "The foundry"),
  releaseDate,
  sourceUrl: webAddress,
  sourceName: z
    .string({ error: "Say where the figures come from." })
    .trim()
    .min(1, "Say where the figures come from (a datasheet, Epoch AI, the vendor).")
    .max(200, "The source's name is too long: at most 200 characters."),
});
export type HardwareForm = z.infer<typeof HardwareFormSchema>;

export const HardwareEditSchema = HardwareFormSchema.extend({
  version: z.coerce
    .number({ error: "The form is missing its version; reload the page." })
    .int("The form is missing its version; reload the page.")
    .min(1, "The form is missing its version; reload the page."),
});

/** Each field's first problem, by field name, for the form to mark. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}
