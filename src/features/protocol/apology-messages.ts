import type { ApologyFinding } from "@/domain/apology-check";
import type { Translate } from "@/lib/forms/form-state";

/** A finding of the apology check as a sentence that says what to change, in the reader's language. */
export function apologyFindingMessage(finding: ApologyFinding, t: Translate): string {
  return t(`protocol.apologyCheck.findings.${finding.code}`, { match: finding.match ?? "", expected: finding.expected ?? "" });
}
