import { named } from "@/i18n/named";
import type { Locale } from "@/i18n/locales";

/**
 * Every change an admin can make, as the audit log records it. Each has a sentence in both
 * languages under `admin.audit.actions` (a test holds them together), so the log reads as sentences,
 * never as keys. An action not listed here does not compile at the `audit()` call.
 */
export const AUDIT_ACTIONS = [
  "user.created",
  "user.updated",
  "user.passwordReset",
  "user.deactivated",
  "user.reactivated",
  "user.sessionsEnded",
  "team.created",
  "team.renamed",
  "category.created",
  "category.updated",
  "category.teamChanged",
  "category.regimeChanged",
  "regime.updated",
  "option.created",
  "option.updated",
  "authority.changed",
  "sla.created",
  "sla.updated",
  "sla.deleted",
  "calendar.updated",
  "holiday.added",
  "holiday.removed",
  "template.created",
  "template.updated",
  "template.deleted",
  "apiToken.created",
  "apiToken.revoked",
  "webhook.created",
  "webhook.disabled",
  "proposal.created",
  "proposal.updated",
  "proposal.deleted",
  "macro.created",
  "macro.updated",
  "customField.created",
  "customField.updated",
  "ticket.merged",
  "mailbox.created",
  "mailbox.stopped",
  "mailbox.resumed",
  "qualityCriterion.created",
  "qualityCriterion.updated",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * What the change was made to, in words a reader recognises: the name in their language when the
 * row has both, else its name, label, address or code as stored. Null when the row carries none.
 */
export function auditSubject(before: unknown, after: unknown, locale: Locale): string | null {
  for (const row of [after, before]) {
    if (!row || typeof row !== "object") continue;
    const r = row as Record<string, unknown>;
    const en = text(r.nameEn);
    const id = text(r.nameId);
    if (en && id) return named({ nameEn: en, nameId: id }, locale);
    const labelEn = text(r.labelEn);
    const labelId = text(r.labelId);
    if (labelEn && labelId) return named({ nameEn: labelEn, nameId: labelId }, locale);
    const found = text(r.name) ?? text(r.email) ?? text(r.url) ?? text(r.code) ?? text(r.survivor) ?? en ?? labelEn;
    if (found) return found;
  }
  return null;
}
