/** Share codes: 10 characters without look-alikes (0/O, 1/I/L): about 49 bits, typed as XXXXX-XXXXX. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** What a student typed ("abcde fghjk", "ABCDE-FGHJK") as a code, or null. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return code.length === 10 && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** Why what a student typed is not a code, in words they can act on. */
export function codeProblem(input: string): string {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== 10)
    return `Codes have ten letters and digits, like ABCDE-23456; that has ${code.length}. Check it with your teacher.`;
  const lookAlikes = [...new Set(code.match(/[01ILO]/g) ?? [])];
  if (lookAlikes.length > 0)
    return `Codes never use I, L, O, 0 or 1, so they cannot be mistaken for each other; yours has ${lookAlikes.join(", ")}. Check it with your teacher.`;
  return "Codes have only letters and digits, like ABCDE-23456. Check it with your teacher.";
}

export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
