import { describe, expect, it } from "vitest";
import {
  acceptedType,
  ATTACHMENT_ACCEPT,
  ATTACHMENT_LIMITS,
  checkAttachments,
  contentDisposition,
  matchesSignature,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENTS_TOTAL_BYTES,
  MAX_FILE_NAME_LENGTH,
  sanitizeFileName,
  worthReading,
} from "./attachments";

const MB = 1024 * 1024;
const graphemeCount = (s: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].length;

describe("attachment limits", () => {
  it("are five files, five megabytes each and fifteen together", () => {
    expect(MAX_ATTACHMENTS).toBe(5);
    expect(MAX_ATTACHMENT_BYTES).toBe(5 * MB);
    expect(MAX_ATTACHMENTS_TOTAL_BYTES).toBe(15 * MB);
    expect(ATTACHMENT_LIMITS).toEqual({ maxFiles: 5, maxFileMb: 5, maxTotalMb: 15 });
  });

  it("accept five files of three megabytes", () => {
    expect(
      checkAttachments(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.jpg`, size: 3 * MB, type: "image/jpeg" as const }))),
    ).toEqual([]);
  });

  it("accept a file of exactly five megabytes and refuse one byte more", () => {
    expect(checkAttachments([{ name: "a.pdf", size: 5 * MB, type: "application/pdf" }])).toEqual([]);
    expect(checkAttachments([{ name: "a.pdf", size: 5 * MB + 1, type: "application/pdf" }])).toEqual([
      { index: 0, name: "a.pdf", reason: "tooLarge" },
    ]);
  });

  it("name each file beyond the fifth as one too many", () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ name: `photo-${i + 1}.png`, size: 1000, type: "image/png" as const }));
    expect(checkAttachments(files)).toEqual([
      { index: 5, name: "photo-6.png", reason: "tooMany" },
      { index: 6, name: "photo-7.png", reason: "tooMany" },
    ]);
  });

  it("refuse the file that takes the total over fifteen megabytes, and not the ones before it", () => {
    const files = [5 * MB, 5 * MB, 4 * MB, 2 * MB, 1 * MB].map((size, i) => ({
      name: `scan-${i}.pdf`,
      size,
      type: "application/pdf" as const,
    }));
    // 14 MB after three files; the fourth would make 16; the fifth still fits (15).
    expect(checkAttachments(files)).toEqual([{ index: 3, name: "scan-3.pdf", reason: "totalTooLarge" }]);
  });

  it("refuse empty files and files whose content is not an accepted type", () => {
    expect(
      checkAttachments([
        { name: "empty.jpg", size: 0, type: undefined },
        { name: "page.png", size: 120, type: null },
        { name: "ok.gif", size: 120, type: "image/gif" },
      ]),
    ).toEqual([
      { index: 0, name: "empty.jpg", reason: "empty" },
      { index: 1, name: "page.png", reason: "wrongType" },
    ]);
  });

  it("judge count and size without a type, as the browser does before sending", () => {
    expect(checkAttachments([{ name: "a.heic", size: 2 * MB }])).toEqual([]);
    expect(checkAttachments([{ name: "video.mov", size: 40 * MB }])).toEqual([{ index: 0, name: "video.mov", reason: "tooLarge" }]);
  });

  it("read only files that could be accepted", () => {
    expect(worthReading(0, 1)).toBe(true);
    expect(worthReading(4, 5 * MB)).toBe(true);
    expect(worthReading(5, 1)).toBe(false);
    expect(worthReading(0, 0)).toBe(false);
    expect(worthReading(0, 5 * MB + 1)).toBe(false);
  });

  it("show refused files under a safe version of their name", () => {
    expect(checkAttachments([{ name: "../../x<script>.png", size: 0 }])[0]?.name).toBe("xscript.png");
  });
});

describe("accepted types", () => {
  it("are JPEG, PNG, WebP, HEIC/HEIF, GIF and PDF, whatever else a sniffer reports", () => {
    for (const mime of ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "image/gif", "application/pdf"]) {
      expect(acceptedType(mime)).toBe(mime);
    }
    expect(acceptedType("image/apng")).toBe("image/png");
    for (const mime of [
      "image/svg+xml",
      "text/html",
      "application/xhtml+xml",
      "image/avif",
      "image/tiff",
      "image/bmp",
      "application/zip",
      "video/mp4",
      "",
      undefined,
      null,
      "constructor",
      "__proto__",
    ]) {
      expect(acceptedType(mime)).toBeNull();
    }
  });

  it("offer the picker the types and their extensions", () => {
    expect(ATTACHMENT_ACCEPT.split(",")).toEqual(
      expect.arrayContaining(["image/jpeg", "application/pdf", ".heic", ".jpg", ".jpeg", ".pdf"]),
    );
    expect(ATTACHMENT_ACCEPT).not.toContain("svg");
  });
});

describe("signature check", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

  it("wants a real marker after a JPEG's start of image", () => {
    expect(matchesSignature("image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(matchesSignature("image/jpeg", bytes([0xff, 0xd8, 0xff], "<script>"))).toBe(false);
    expect(matchesSignature("image/jpeg", bytes([0xff, 0xd8, 0xff]))).toBe(false);
  });

  it("wants the IHDR chunk first in a PNG", () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    expect(matchesSignature("image/png", bytes(signature, [0, 0, 0, 13], "IHDR"))).toBe(true);
    expect(matchesSignature("image/png", bytes(signature, "<html>"))).toBe(false);
  });

  it("wants a GIF's version, a WebP's chunk, a PDF's dash and an ISO media file's box", () => {
    expect(matchesSignature("image/gif", bytes("GIF89a"))).toBe(true);
    expect(matchesSignature("image/gif", bytes("GIF<html>"))).toBe(false);
    expect(matchesSignature("image/webp", bytes("RIFF", [1, 0, 0, 0], "WEBPVP8L"))).toBe(true);
    expect(matchesSignature("image/webp", bytes("RIFF", [1, 0, 0, 0], "WEBPxxxx"))).toBe(false);
    expect(matchesSignature("application/pdf", bytes("%PDF-1.7"))).toBe(true);
    expect(matchesSignature("application/pdf", bytes("%PDF"))).toBe(false);
    expect(matchesSignature("image/heic", bytes([0, 0, 0, 24], "ftypheic"))).toBe(true);
    expect(matchesSignature("image/heif", bytes("<svg"))).toBe(false);
  });
});

describe("sanitizeFileName", () => {
  it("keeps an ordinary name and its matching extension, in any case", () => {
    expect(sanitizeFileName("struk belanja.JPG", "image/jpeg")).toBe("struk belanja.JPG");
    expect(sanitizeFileName("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(sanitizeFileName("Kwitansi Toko Ibu Siti.pdf", "application/pdf")).toBe("Kwitansi Toko Ibu Siti.pdf");
  });

  it("keeps only the last path component, with either separator", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("C:\\Users\\budi\\Desktop\\receipt.png", "image/png")).toBe("receipt.png");
    expect(sanitizeFileName("..\\..\\windows\\win.ini", "image/gif")).toBe("win.ini.gif");
    expect(sanitizeFileName("/", "image/png")).toBe("attachment.png");
  });

  it("catches separators and dots disguised as full-width look-alikes", () => {
    expect(sanitizeFileName("．．／．．／etc／passwd", "application/pdf")).toBe("passwd.pdf");
  });

  it("appends the sniffed type's extension when the name claims another type", () => {
    expect(sanitizeFileName("photo.png", "image/jpeg")).toBe("photo.png.jpg");
    expect(sanitizeFileName("invoice.html", "application/pdf")).toBe("invoice.html.pdf");
    expect(sanitizeFileName("scan", "image/webp")).toBe("scan.webp");
    expect(sanitizeFileName("IMG_0001.HEIC", "image/heif")).toBe("IMG_0001.HEIC");
  });

  it("removes right-to-left overrides and other invisible characters", () => {
    // Reads as "invoiceexe.pdf" on screen, is really "invoice<RLO>fdp.exe".
    expect(sanitizeFileName("invoice\u202efdp.exe", "image/png")).toBe("invoicefdp.exe.png");
    expect(sanitizeFileName("re\u200bceipt\u2066.pdf\u2069", "application/pdf")).toBe("receipt.pdf");
    expect(sanitizeFileName("a\u0000b\u0007c.png", "image/png")).toBe("abc.png");
    // Line breaks separate words.
    expect(sanitizeFileName("bon\r\nbelanja\u2028mei.png", "image/png")).toBe("bon belanja mei.png");
  });

  it("removes reserved characters, and the dots and spaces at either end", () => {
    expect(sanitizeFileName('  what<>:"|?*is this. . ', "image/gif")).toBe("whatis this.gif");
    expect(sanitizeFileName(".htaccess", "image/png")).toBe("htaccess.png");
    expect(sanitizeFileName("name with   many\tspaces.pdf", "application/pdf")).toBe("name with many spaces.pdf");
  });

  it("does not let a name become a Windows device", () => {
    expect(sanitizeFileName("CON.pdf", "application/pdf")).toBe("_CON.pdf");
    expect(sanitizeFileName("lpt1", "image/png")).toBe("_lpt1.png");
  });

  it("names an empty or all-invisible file 'attachment'", () => {
    expect(sanitizeFileName("", "application/pdf")).toBe("attachment.pdf");
    expect(sanitizeFileName("   ", "image/png")).toBe("attachment.png");
    expect(sanitizeFileName("\u202e\u200b...", "image/jpeg")).toBe("attachment.jpg");
    expect(sanitizeFileName("")).toBe("attachment");
  });

  it("caps the length, keeping the extension and whole characters", () => {
    const long = sanitizeFileName(`${"a".repeat(300)}.pdf`, "application/pdf");
    expect(long).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith("a.pdf")).toBe(true);
    const emoji = sanitizeFileName(`${"👍🏽".repeat(200)}.png`, "image/png");
    expect(graphemeCount(emoji)).toBe(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith("👍🏽.png")).toBe(true);
    expect(emoji.isWellFormed()).toBe(true);
    // An extension-like tail that is too long to be one is part of the name, and is cut.
    expect(graphemeCount(sanitizeFileName(`report.${"x".repeat(300)}`))).toBe(MAX_FILE_NAME_LENGTH);
  });

  it("normalises Unicode to one form", () => {
    const decomposed = "Kwitansi Cafe\u0301.pdf";
    expect(sanitizeFileName(decomposed, "application/pdf")).toBe("Kwitansi Café.pdf");
    expect(sanitizeFileName("ﬁle①.pdf", "application/pdf")).toBe("file1.pdf");
  });

  it("keeps letters of every script", () => {
    expect(sanitizeFileName("收据 2026.pdf", "application/pdf")).toBe("收据 2026.pdf");
    expect(sanitizeFileName("إيصال.jpg", "image/jpeg")).toBe("إيصال.jpg");
  });
});

describe("contentDisposition", () => {
  it("sends an ASCII name and the exact UTF-8 one", () => {
    expect(contentDisposition("receipt.pdf")).toBe(`attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`);
    expect(contentDisposition("Kwitansi Café.pdf")).toBe(
      `attachment; filename="Kwitansi Cafe.pdf"; filename*=UTF-8''Kwitansi%20Caf%C3%A9.pdf`,
    );
    expect(contentDisposition("收据.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%94%B6%E6%8D%AE.pdf`);
  });

  it("cannot be broken out of, whatever the name", () => {
    const value = contentDisposition(`a"; filename=evil.html; x="\\ %41 (1)'*.pdf\r\nSet-Cookie: x`);
    expect(value).not.toMatch(/[\r\n]/);
    const ascii = /filename="([^"]*)"/.exec(value)![1]!;
    expect(ascii).not.toMatch(/["\\%]/);
    const encoded = /filename\*=UTF-8''(.*)$/.exec(value)![1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
  });
});
