import decodeQR from "qr/decode.js";
import { describe, expect, it } from "vitest";
import { qrCode, type QrCode } from "./qr.server";
import { shareLink, shareWithQr } from "./share.server";

/** Paints the SVG path as a phone's camera would see it: black rectangles on white, 8 px a module. */
function photograph({ size, d }: QrCode, scale = 8) {
  const width = size * scale;
  const data = new Uint8Array(width * width * 4).fill(255);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++)
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++)
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
  }
  return { width, height: width, data };
}

describe("the share link's QR code", () => {
  it("scans back to the link, from the path the page draws", () => {
    for (const url of [
      "http://localhost:3000/x/ABCDE23456",
      "https://claimdesk.school.example/x/HJKMN78PQR",
    ]) {
      const qr = qrCode(url);
      expect(decodeQR(photograph(qr))).toBe(url);
    }
  });

  it("keeps a quiet zone and draws each row's dark run as one rectangle", () => {
    const { size, d } = qrCode("http://localhost:3000/x/ABCDE23456");
    // Version 3 (29 modules) for a link this long at medium correction, plus 4 light modules each side.
    expect(size).toBe(29 + 8);
    expect(d).toMatch(/^M4 4h7v1H4z/); // the top-left finder's first row
    expect(d).not.toMatch(/M[0-3] |M\d+ [0-3]h/);
  });
});

describe("the share link", () => {
  it("is at the address the educator reached the server by, never a configured or local one", () => {
    expect(shareLink(new Request("http://192.168.1.20:3000/exercises/3?done=edited"), "ABCDE23456")).toBe(
      "http://192.168.1.20:3000/x/ABCDE23456",
    );
    expect(shareLink(new Request("https://claimdesk.school.example/exercises/3"), "ABCDE23456")).toBe(
      "https://claimdesk.school.example/x/ABCDE23456",
    );
    const { url, qr } = shareWithQr(new Request("http://10.0.0.5:8080/exercises/1"), "HJKMN78PQR");
    expect(decodeQR(photograph(qr))).toBe(url);
  });
});
