/** A score with halves as students read it: 3, 3½, ½. */
export function formatScore(score: number): string {
  const whole = Math.floor(score);
  const half = score - whole >= 0.5;
  return half ? `${whole === 0 ? "" : whole}½` : String(whole);
}
