/** Share codes: 10 characters without look-alikes (0/O, 1/I/L): about 49 bits, typed as XXXXX-XXXXX. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** What a student typed ("abcde fghjk", "ABCDE-FGHJK") as a code, or null. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return code.length === 10 && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
