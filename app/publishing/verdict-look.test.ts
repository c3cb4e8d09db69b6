import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VERDICT_KEYS } from "../newsroom/verdicts";
import { VerdictBadge } from "../ui/components";

// Verdicts are told apart by text, icon and colour together; the colours must pass WCAG AA.
const css = readFileSync("public/claimdesk.css", "utf8");
const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i").exec(css)?.[1];

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const hue = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = d === 0 ? 0 : max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe("verdict badges", () => {
  it("give every verdict its own icon", () => {
    const icons = VERDICT_KEYS.map(
      (v) =>
        /class="verdict__icon"[^>]*>([^<]+)</.exec(renderToStaticMarkup(VerdictBadge({ verdict: v })))?.[1],
    );
    expect(new Set(icons).size).toBe(VERDICT_KEYS.length);
  });

  it("give every verdict its own colours, each pair readable (contrast at least 4.5:1)", () => {
    const pairs = VERDICT_KEYS.map((v) => [variable(`v-${v}`)!, variable(`v-${v}-bg`)!] as const);
    for (const [fg, bg] of pairs) expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    expect(new Set(pairs.map(([fg]) => fg)).size).toBe(VERDICT_KEYS.length);
    expect(new Set(pairs.map(([, bg]) => bg)).size).toBe(VERDICT_KEYS.length);
    // "Accurate" and "Mostly accurate" sit next to each other: not two shades of one green.
    expect(Math.abs(hue(variable("v-accurate")!) - hue(variable("v-mostly-accurate")!))).toBeGreaterThan(40);
  });

  it("highlight accurate and mostly accurate passages differently in the article", () => {
    expect(css).not.toMatch(/mark\.claim--accurate,\s*mark\.claim--mostly-accurate/);
    expect(css).toMatch(/mark\.claim--mostly-accurate\s*\{[^}]*--v-mostly-accurate/);
  });
});
