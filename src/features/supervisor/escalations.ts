import "server-only";
import type { EscalationSource } from "@/domain/escalation";
import { formatReference } from "@/domain/reference";
import type { Stage } from "@/domain/stages";
import type { Locale } from "@/i18n/locales";
import { named } from "@/i18n/named";
import { readOnReplica } from "@/server/db/replicas";

export interface EscalatedRow {
  id: string;
  reference: string;
  subject: string;
  stage: Stage;
  source: EscalationSource;
  /** The agent's words, when an agent escalated. */
  reason: string | null;
  escalatedAt: Date;
  assigneeName: string | null;
  teamName: string | null;
}

/**
 * Open tickets escalated and not yet settled, longest waiting first, whatever their clocks say: the
 * head of the (settledAt, escalatedAt) index.
 */
export async function listAwaitingSettlement(locale: Locale, limit = 100): Promise<EscalatedRow[]> {
  return readOnReplica(async (db) => {
    const rows = await db.ticket.findMany({
      where: { settledAt: null, escalatedAt: { not: null }, stage: { in: ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"] } },
      orderBy: [{ escalatedAt: "asc" }, { number: "asc" }],
      take: limit,
      select: {
        id: true,
        number: true,
        subject: true,
        stage: true,
        escalatedAt: true,
        escalationSource: true,
        escalationReason: true,
        assignee: { select: { name: true } },
        team: { select: { nameEn: true, nameId: true } },
      },
    });
    return rows.map((t) => ({
      id: t.id,
      reference: formatReference(t.number),
      subject: t.subject,
      stage: t.stage,
      source: t.escalationSource ?? "AGENT",
      reason: t.escalationSource === "AGENT" || t.escalationSource === null ? t.escalationReason : null,
      escalatedAt: t.escalatedAt!,
      assigneeName: t.assignee?.name ?? null,
      teamName: t.team ? named(t.team, locale) : null,
    }));
  });
}
