import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { EscalatedRow } from "../escalations";
import type { AgentLoad, AttentionGroup, Grouping, PendingApproval } from "../queries";
import { AgentLoadTable } from "./agent-load";
import { ApprovalsInbox } from "./approvals-inbox";
import { AutoRefresh } from "./auto-refresh";
import { Board } from "./board";
import { EscalatedSection } from "./escalated-section";

export const GROUPINGS: Grouping[] = ["stage", "agent", "team"];

/** The supervisor's page: what is late or about to be, grouped as chosen; approvals waiting; each agent's load. */
export async function SupervisorView({
  groups,
  escalated,
  approvals,
  load,
  grouping,
  now,
  refreshMs,
}: {
  groups: AttentionGroup[];
  /** Waiting for a settlement: shown first, whatever their clocks say. */
  escalated: EscalatedRow[];
  approvals: PendingApproval[];
  load: AgentLoad[];
  grouping: Grouping;
  now: Date;
  refreshMs: number;
}) {
  const t = await getTranslations("board");
  const staff = load.map((l) => ({ id: l.id, name: l.name }));
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex items-center gap-4">
          <AutoRefresh intervalMs={refreshMs} renderedAt={now.toISOString()} />
          <Link href="/supervisor/reports" className="text-teal-800 underline">
            {t("reports")}
          </Link>
          <Link href="/supervisor/register" className="text-teal-800 underline">
            {t("register")}
          </Link>
          <Link href="/supervisor/returns" className="text-teal-800 underline">
            {t("returns")}
          </Link>
        </div>
      </div>
      <nav aria-label={t("groupBy")} className="flex gap-2 text-sm">
        <span className="text-slate-600">{t("groupBy")}:</span>
        {GROUPINGS.map((g) => (
          <Link
            key={g}
            href={`/supervisor?group=${g}`}
            aria-current={g === grouping ? "page" : undefined}
            className="rounded px-2 py-0.5 aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
          >
            {t(`groupings.${g}`)}
          </Link>
        ))}
      </nav>
      <div className="grid gap-5 xl:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-5">
          <EscalatedSection rows={escalated} now={now} />
          <Board groups={groups} grouping={grouping} now={now} staff={staff} />
        </div>
        <div className="flex flex-col gap-5">
          <ApprovalsInbox approvals={approvals} />
          <AgentLoadTable load={load} />
        </div>
      </div>
    </div>
  );
}
