import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont } from "pdf-lib";

// A letter's text as a PDF, in DejaVu Sans (shipped from npm, dejavu-fonts-ttf), which covers
// Indonesian and every Latin letter a customer's name may hold. The font is embedded (subset), so
// the PDF reads the same everywhere and its text can be extracted.

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

function loadFonts() {
  fonts ??= (async () => {
    // Read from the installed package at run time (the server runs from the project's root), not bundled.
    const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
    const [regular, bold] = await Promise.all([
      readFile(path.join(dir, "DejaVuSans.ttf")),
      readFile(path.join(dir, "DejaVuSans-Bold.ttf")),
    ]);
    return { regular, bold };
  })();
  return fonts;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = 56;
const SIZE = 10.5;
const TITLE_SIZE = 14;
const LEADING = 1.45;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraphLine of text.split("\n")) {
    let line = "";
    for (const word of paragraphLine.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The PDF of a letter: its first paragraph as the title, the rest as text. Dated at `sentAt` (never
 * the moment of rendering), so the same letter makes the same bytes.
 */
export async function renderLetterPdf(letter: { subject: string; content: string; sentAt: Date; locale: string }): Promise<Uint8Array> {
  const { regular, bold } = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const body = await doc.embedFont(regular, { subset: true });
  const heading = await doc.embedFont(bold, { subset: true });
  doc.setTitle(letter.subject);
  doc.setLanguage(letter.locale);
  doc.setProducer("Tanggap");
  doc.setCreator("Tanggap");
  doc.setCreationDate(letter.sentAt);
  doc.setModificationDate(letter.sentAt);

  const width = PAGE.width - 2 * MARGIN;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const paragraphs = letter.content.split("\n\n");
  paragraphs.forEach((paragraph, index) => {
    const font = index === 0 ? heading : body;
    const size = index === 0 ? TITLE_SIZE : SIZE;
    for (const line of wrap(paragraph, font, size, width)) {
      if (y - size * LEADING < MARGIN) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - MARGIN;
      }
      y -= size * LEADING;
      if (line) page.drawText(line, { x: MARGIN, y, size, font });
    }
    y -= SIZE * 0.8;
  });
  return doc.save();
}
