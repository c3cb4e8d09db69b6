import encodeQR from "qr";

/** A QR code as an SVG path: `size` modules square (quiet zone included), dark modules in `d`. */
export interface QrCode {
  size: number;
  d: string;
}

/** Modules of light margin around the symbol, as the QR standard asks for scanning. */
const QUIET_ZONE = 4;

/**
 * The QR code of a link, for an inline SVG. The `qr` library encodes (medium error correction:
 * a printed handout still scans when folded or smudged); each row's runs of dark modules become
 * one rectangle each, so the path stays a few kilobytes.
 */
export function qrCode(text: string): QrCode {
  const rows = encodeQR(text, "raw", { ecc: "medium", border: QUIET_ZONE });
  let d = "";
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      d += `M${start} ${y}h${x - start + 1}v1H${start}z`;
    }
  });
  return { size: rows.length, d };
}
