import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bigJpeg, TEST_BYTES, testFile } from "./test-files";
import { attachedFiles, validateAttachments } from "./validate";

const MB = 1024 * 1024;

describe("validateAttachments", () => {
  it("accepts photos and PDFs, typed by their content, named safely, with their SHA-256", async () => {
    const result = await validateAttachments([
      testFile(TEST_BYTES.jpeg, "IMG_2041.JPG", "image/jpeg"),
      // The browser's type and the name both say PNG; the bytes say PDF.
      testFile(TEST_BYTES.pdf, "../receipt.png", "image/png"),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.attachments.map(({ data: _data, ...a }) => a)).toEqual([
      {
        fileName: "IMG_2041.JPG",
        contentType: "image/jpeg",
        size: TEST_BYTES.jpeg.length,
        sha256: createHash("sha256").update(TEST_BYTES.jpeg).digest("hex"),
      },
      {
        fileName: "receipt.png.pdf",
        contentType: "application/pdf",
        size: TEST_BYTES.pdf.length,
        sha256: createHash("sha256").update(TEST_BYTES.pdf).digest("hex"),
      },
    ]);
    expect(result.attachments[1]!.data).toEqual(TEST_BYTES.pdf);
  });

  it("refuses an HTML page named and typed as a PNG, and an SVG with a script", async () => {
    const result = await validateAttachments([
      testFile(TEST_BYTES.png, "fine.png", "image/png"),
      testFile(TEST_BYTES.html, "photo.png", "image/png"),
      testFile(TEST_BYTES.svg, "logo.svg.png", "image/png"),
      testFile(TEST_BYTES.script, "holiday.jpg", "image/jpeg"),
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { index: 1, name: "photo.png", reason: "wrongType" },
        { index: 2, name: "logo.svg.png", reason: "wrongType" },
        { index: 3, name: "holiday.jpg", reason: "wrongType" },
      ],
    });
  });

  it("names the file that is too big, the ones too many and the one over the total", async () => {
    const tooBig = await validateAttachments([bigJpeg(5 * MB + 1, "huge.jpg"), testFile(TEST_BYTES.gif, "ok.gif")]);
    expect(tooBig).toEqual({ ok: false, problems: [{ index: 0, name: "huge.jpg", reason: "tooLarge" }] });

    const six = Array.from({ length: 6 }, (_, i) => testFile(TEST_BYTES.png, `p${i + 1}.png`));
    expect(await validateAttachments(six)).toEqual({ ok: false, problems: [{ index: 5, name: "p6.png", reason: "tooMany" }] });

    const over = await validateAttachments([
      bigJpeg(5 * MB, "a.jpg"),
      bigJpeg(5 * MB, "b.jpg"),
      bigJpeg(5 * MB, "c.jpg"),
      bigJpeg(64, "d.jpg"),
    ]);
    expect(over).toEqual({ ok: false, problems: [{ index: 3, name: "d.jpg", reason: "totalTooLarge" }] });
  });

  it("accepts nothing as nothing", async () => {
    expect(await validateAttachments([])).toEqual({ ok: true, attachments: [] });
  });
});

describe("attachedFiles", () => {
  it("takes the field's files and drops the empty part an unused file input sends, but not an empty file", () => {
    const form = new FormData();
    form.append("name", "Budi");
    form.append("attachments", new File([], ""));
    // What an unused input becomes after React decodes a server action's body.
    form.append("attachments", new File([], "undefined", { type: "application/octet-stream" }));
    form.append("attachments", new File([], "blank.jpg"));
    form.append("attachments", testFile(TEST_BYTES.pdf, "a.pdf"));
    form.append("attachments", "not a file");
    form.append("other", testFile(TEST_BYTES.png, "b.png"));
    expect(attachedFiles(form).map((f) => f.name)).toEqual(["blank.jpg", "a.pdf"]);
  });
});
