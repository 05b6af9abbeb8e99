import { describe, expect, it } from "vitest";
import { sniffAttachmentType } from "./sniff";
import { TEST_BYTES } from "./test-files";

describe("sniffAttachmentType", () => {
  it.each([
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["pdf", "application/pdf"],
    ["gif", "image/gif"],
    ["webp", "image/webp"],
    ["heic", "image/heic"],
  ] as const)("recognises a %s by its bytes", async (fixture, type) => {
    expect(await sniffAttachmentType(TEST_BYTES[fixture])).toBe(type);
  });

  it.each(["html", "svg", "script", "htmlStartingWithGif", "scriptStartingWithJpeg"] as const)(
    "refuses %s, which is no image or PDF",
    async (fixture) => {
      expect(await sniffAttachmentType(TEST_BYTES[fixture])).toBeNull();
    },
  );

  it("refuses empty content, a lone signature and formats outside the allowed set", async () => {
    expect(await sniffAttachmentType(new Uint8Array())).toBeNull();
    // A PNG signature with no image header after it.
    expect(await sniffAttachmentType(TEST_BYTES.png.subarray(0, 8))).toBeNull();
    // A ZIP archive, a BMP image, an AVIF image.
    expect(await sniffAttachmentType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]))).toBeNull();
    expect(await sniffAttachmentType(Uint8Array.from([0x42, 0x4d, ...new Array(60).fill(0)]))).toBeNull();
    const avif = new Uint8Array(32);
    avif.set([0, 0, 0, 0x18, ...Array.from("ftypavif", (c) => c.charCodeAt(0))]);
    expect(await sniffAttachmentType(avif)).toBeNull();
  });

  it("ignores what follows a valid header (the served headers keep that harmless)", async () => {
    const trailing = new TextEncoder().encode("<script>alert(1)</script>");
    const polyglot = new Uint8Array(TEST_BYTES.png.length + trailing.length);
    polyglot.set(TEST_BYTES.png);
    polyglot.set(trailing, TEST_BYTES.png.length);
    expect(await sniffAttachmentType(polyglot)).toBe("image/png");
  });
});
