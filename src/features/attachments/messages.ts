import { ATTACHMENT_LIMITS, type AttachmentProblem, type AttachmentProblemReason } from "@/domain/attachments";
import type { Translate } from "@/lib/forms/form-state";

// Shared by the server actions and the file input, so the browser's early check and the
// server's say the same thing.

const KEYS: Record<AttachmentProblemReason, string> = {
  empty: "errors.attachmentEmpty",
  tooLarge: "errors.attachmentTooLarge",
  wrongType: "errors.attachmentWrongType",
  tooMany: "errors.attachmentTooMany",
  totalTooLarge: "errors.attachmentTotalTooLarge",
};

const MAX: Record<AttachmentProblemReason, number> = {
  empty: 0,
  tooLarge: ATTACHMENT_LIMITS.maxFileMb,
  wrongType: 0,
  tooMany: ATTACHMENT_LIMITS.maxFiles,
  totalTooLarge: ATTACHMENT_LIMITS.maxTotalMb,
};

/** A crafted request may carry thousands of parts; the form lists this many and counts the rest. */
const LISTED = 10;

/** One sentence per refused file: which file, and why. */
export function attachmentProblemMessages(problems: readonly AttachmentProblem[], t: Translate): string[] {
  const listed = problems.slice(0, LISTED).map((p) => t(KEYS[p.reason], { name: p.name, max: MAX[p.reason] }));
  if (problems.length > LISTED) listed.push(t("errors.attachmentsMore", { count: problems.length - LISTED }));
  return listed;
}

/**
 * The attachment field's errors when a form that carried files is sent back: what was wrong
 * with them, if anything, and in any case that the files must be chosen again (a browser
 * cannot put files back into a form). Nothing when no file was sent.
 */
export function attachmentFieldErrors(
  { fileCount, problems = [] }: { fileCount: number; problems?: readonly AttachmentProblem[] },
  t: Translate,
  field = "attachments",
): Record<string, string[]> {
  if (fileCount === 0 && problems.length === 0) return {};
  const again = problems.length > 0 ? t("errors.attachmentsChooseAgainWithout") : t("errors.attachmentsChooseAgain", { count: fileCount });
  return { [field]: [...attachmentProblemMessages(problems, t), again] };
}
