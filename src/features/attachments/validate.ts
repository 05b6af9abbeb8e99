import "server-only";
import { createHash } from "node:crypto";
import { checkAttachments, sanitizeFileName, worthReading, type AttachmentProblem, type AttachmentType } from "@/domain/attachments";
import { sniffAttachmentType } from "./sniff";

export interface ValidatedAttachment {
  /** Sanitised, with an extension of the sniffed type. */
  fileName: string;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  data: Uint8Array<ArrayBuffer>;
}

export type AttachmentValidation = { ok: true; attachments: ValidatedAttachment[] } | { ok: false; problems: AttachmentProblem[] };

interface ReadFile {
  data: Uint8Array<ArrayBuffer>;
  type: AttachmentType | null;
  sha256: string;
}

// A File never changes, so the action's check and the store's check inside the
// transaction read and sniff each one once.
const reads = new WeakMap<File, Promise<ReadFile>>();

function readFile(file: File): Promise<ReadFile> {
  let read = reads.get(file);
  if (!read) {
    read = (async () => {
      const data = new Uint8Array(await file.arrayBuffer());
      return { data, type: await sniffAttachmentType(data), sha256: createHash("sha256").update(data).digest("hex") };
    })();
    reads.set(file, read);
  }
  return read;
}

/**
 * Checks a submission's files against the limits and sniffs each one's type from its
 * bytes. Files refused on count or size are not read.
 */
export async function validateAttachments(files: readonly File[]): Promise<AttachmentValidation> {
  const read = await Promise.all(files.map((file, index) => (worthReading(index, file.size) ? readFile(file) : undefined)));
  const problems = checkAttachments(
    files.map((file, index) => ({ name: file.name, size: read[index]?.data.byteLength ?? file.size, type: read[index]?.type })),
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    attachments: files.map((file, index) => {
      const { data, type, sha256 } = read[index]!;
      return { fileName: sanitizeFileName(file.name, type!), contentType: type!, size: data.byteLength, sha256, data };
    }),
  };
}

/**
 * The files of a submitted form field. A file input left empty still sends one empty part
 * with an empty file name — which React's decoder of server action bodies turns into a File
 * named "undefined" — and that is no file. An empty part with a real name is kept, to be
 * refused as empty.
 */
export function attachedFiles(formData: FormData, field = "attachments"): File[] {
  return formData
    .getAll(field)
    .filter(
      (value): value is File => typeof value !== "string" && !(value.size === 0 && (value.name === "" || value.name === "undefined")),
    );
}
