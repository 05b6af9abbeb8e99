import { fileTypeFromBuffer } from "file-type/core";
import { acceptedType, matchesSignature, type AttachmentType } from "@/domain/attachments";

/**
 * The type of a file by its content alone, when it is one we accept; null otherwise.
 * file-type recognises the format from its magic numbers (and, for PNG, walks the chunks to
 * the image data); the domain's signature check then confirms the full header. Text formats
 * — HTML, SVG, scripts — have no magic number, so they are never recognised as anything.
 * The name and the browser's Content-Type are not consulted.
 */
export async function sniffAttachmentType(bytes: Uint8Array): Promise<AttachmentType | null> {
  let found: Awaited<ReturnType<typeof fileTypeFromBuffer>>;
  try {
    found = await fileTypeFromBuffer(bytes);
  } catch {
    // A malformed file can make a parser give up; it is then not one we accept.
    return null;
  }
  const type = acceptedType(found?.mime);
  return type && matchesSignature(type, bytes) ? type : null;
}
