// Files a customer sends with a complaint or a reply: receipts, photos, PDFs.
// Plain rules only; reading and sniffing the bytes is src/features/attachments.

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_TOTAL_BYTES = 15 * 1024 * 1024;
/** In characters (grapheme clusters), extension included. */
export const MAX_FILE_NAME_LENGTH = 100;

const MB = 1024 * 1024;
/** The limits as people read them, for messages. */
export const ATTACHMENT_LIMITS = {
  maxFiles: MAX_ATTACHMENTS,
  maxFileMb: MAX_ATTACHMENT_BYTES / MB,
  maxTotalMb: MAX_ATTACHMENTS_TOTAL_BYTES / MB,
} as const;

/**
 * What we accept, by the type sniffed from the content. The first extension is the one a
 * stored name gets when it has none of them.
 */
export const ATTACHMENT_TYPES = {
  "image/jpeg": { label: "JPEG", extensions: ["jpg", "jpeg"] },
  "image/png": { label: "PNG", extensions: ["png"] },
  "image/webp": { label: "WebP", extensions: ["webp"] },
  "image/heic": { label: "HEIC", extensions: ["heic"] },
  "image/heif": { label: "HEIF", extensions: ["heif", "heic"] },
  "image/gif": { label: "GIF", extensions: ["gif"] },
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
} as const satisfies Record<string, { label: string; extensions: readonly string[] }>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export function isAttachmentType(value: string): value is AttachmentType {
  return Object.hasOwn(ATTACHMENT_TYPES, value);
}

// An animated PNG is a PNG to every viewer; served as image/png.
const ALIASES = new Map<string, AttachmentType>([["image/apng", "image/png"]]);

/** The accepted type for what a sniffer reported, or null for anything else (or nothing recognised). */
export function acceptedType(sniffedMime: string | undefined | null): AttachmentType | null {
  if (!sniffedMime) return null;
  if (isAttachmentType(sniffedMime)) return sniffedMime;
  return ALIASES.get(sniffedMime) ?? null;
}

/**
 * For the file picker's `accept` attribute: a convenience for choosing, never a check
 * (the browser's idea of a type comes from the name).
 */
export const ATTACHMENT_ACCEPT = [
  ...Object.keys(ATTACHMENT_TYPES),
  ...new Set(Object.values(ATTACHMENT_TYPES).flatMap((t) => t.extensions.map((e) => `.${e}`))),
].join(",");

// Characters no file system or header should see in a name: Windows' reserved set
// (which includes both path separators and the quote that would end a header's value).
const RESERVED = /[<>:"/\\|?*]/g;
// Control, format (bidi overrides, zero-width), private-use, unassigned and lone surrogate
// code points, and the line and paragraph separators.
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const FALLBACK_NAME = "attachment";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count === max) break;
    out += segment;
    count++;
  }
  return out;
}

function splitExtension(name: string): { base: string; extension: string } {
  const match = /^(.+)\.([^.\s]{1,16})$/u.exec(name);
  return match ? { base: match[1]!, extension: match[2]! } : { base: name, extension: "" };
}

/**
 * A file name that is safe to store, show and send back in a header: the last path
 * component only, NFKC-normalised (so look-alikes such as a full-width solidus become the
 * character they imitate, and are then removed), without invisible or reserved characters,
 * trimmed of the dots and spaces Windows refuses, at most MAX_FILE_NAME_LENGTH characters,
 * and — when the sniffed type is given — ending in an extension of that type (appended
 * when the name has another one, so nothing the customer wrote is lost).
 */
export function sanitizeFileName(original: string, type?: AttachmentType): string {
  const normalised = original.normalize("NFKC");
  const lastComponent = normalised.split(/[/\\]/).pop() ?? "";
  let name = lastComponent
    // Tabs and line breaks separate words; every other invisible character goes.
    .replace(/[\s\p{Zl}\p{Zp}]+/gu, " ")
    .replace(INVISIBLE, "")
    .replace(RESERVED, "")
    .replace(/ {2,}/g, " ")
    .replace(/^[\s.]+|[\s.]+$/gu, "");
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;

  const { base, extension } = splitExtension(name);
  const allowed: readonly string[] = type ? ATTACHMENT_TYPES[type].extensions : [];
  const keepsExtension = !type || allowed.includes(extension.toLowerCase());
  const suffix = type ? `.${keepsExtension ? extension : allowed[0]}` : extension ? `.${extension}` : "";
  const stem = keepsExtension ? base : name;

  // The suffix is short (at most 17 characters); the stem gives way to it.
  const cut = truncate(stem, MAX_FILE_NAME_LENGTH - suffix.length).replace(/[\s.]+$/u, "");
  return `${cut || FALLBACK_NAME}${suffix}`;
}

/** An RFC 6266 `Content-Disposition: attachment` value: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      // Some browsers percent-decode the plain parameter.
      .replace(/["\\%]/g, "_")
      .trim() || FALLBACK_NAME;
  // encodeURIComponent leaves ! ' ( ) * alone; RFC 8187's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type AttachmentProblemReason = "empty" | "tooLarge" | "wrongType" | "tooMany" | "totalTooLarge";

export interface AttachmentProblem {
  /** Position in the submission, from 0. */
  index: number;
  /** The name as the customer knows it, made safe to show. */
  name: string;
  reason: AttachmentProblemReason;
}

export interface AttachmentCandidate {
  name: string;
  size: number;
  /**
   * The sniffed type: null when the content is not one we accept; undefined when it has
   * not been looked at (in the browser, or because the file was refused before reading).
   */
  type?: AttachmentType | null;
}

/**
 * What is wrong with a submission's files, one reason per refused file, in order.
 * Empty means every file may be stored.
 */
export function checkAttachments(files: readonly AttachmentCandidate[]): AttachmentProblem[] {
  const problems: AttachmentProblem[] = [];
  let total = 0;
  files.forEach((file, index) => {
    const reason = ((): AttachmentProblemReason | null => {
      if (file.size <= 0) return "empty";
      if (file.size > MAX_ATTACHMENT_BYTES) return "tooLarge";
      if (file.type === null) return "wrongType";
      if (index >= MAX_ATTACHMENTS) return "tooMany";
      if (total + file.size > MAX_ATTACHMENTS_TOTAL_BYTES) return "totalTooLarge";
      return null;
    })();
    if (reason) problems.push({ index, name: sanitizeFileName(file.name), reason });
    else total += file.size;
  });
  return problems;
}

/** Whether a file at this position and size is worth reading at all (the rest is refused unread). */
export function worthReading(index: number, size: number): boolean {
  return index < MAX_ATTACHMENTS && size > 0 && size <= MAX_ATTACHMENT_BYTES;
}

const startsWith = (bytes: Uint8Array, expected: readonly number[], offset = 0) =>
  bytes.length >= offset + expected.length && expected.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/**
 * A second, stricter look at the first bytes of a file a sniffer took for `type`: the full
 * signature and the structure right after it, so that text which merely begins with "GIF" or
 * a JPEG's first three bytes is not taken for an image.
 */
export function matchesSignature(type: AttachmentType, bytes: Uint8Array): boolean {
  switch (type) {
    case "image/jpeg": {
      // Start of image, then a marker (FF xx with xx a real marker code).
      const marker = bytes[3];
      return startsWith(bytes, [0xff, 0xd8, 0xff]) && marker !== undefined && marker >= 0xc0 && marker <= 0xfe;
    }
    case "image/png":
      // Signature, then the IHDR chunk of length 13, which must come first.
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii("IHDR")]);
    case "image/gif":
      return startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"));
    case "image/webp":
      return startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBPVP8"), 8) && [0x20, 0x4c, 0x58].includes(bytes[15] ?? 0);
    case "image/heic":
    case "image/heif":
      return startsWith(bytes, ascii("ftyp"), 4);
    case "application/pdf":
      return startsWith(bytes, ascii("%PDF-"));
  }
}
