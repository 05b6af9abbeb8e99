import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgentLoadTable } from "@/features/supervisor/components/agent-load";
import { ApprovalsInbox } from "@/features/supervisor/components/approvals-inbox";
import { AutoRefresh } from "@/features/supervisor/components/auto-refresh";
import { Board, type Grouping } from "@/features/supervisor/components/board";
import { agentLoad, listNeedingAttention, listPendingApprovals } from "@/features/supervisor/queries";
import { env } from "@/env";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Supervisor" };

const GROUPINGS: Grouping[] = ["stage", "agent", "team"];

export default async function SupervisorPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  await requireRoleForPage("SUPERVISOR", "/supervisor");
  const t = await getTranslations("board");
  const { group } = await searchParams;
  const grouping = GROUPINGS.find((g) => g === group) ?? "stage";
  const now = new Date();
  const [rows, approvals, load] = await Promise.all([listNeedingAttention(now), listPendingApprovals(), agentLoad(now)]);
  const staff = load.map((l) => ({ id: l.id, name: l.name }));
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex items-center gap-4">
          <AutoRefresh intervalMs={env().BOARD_REFRESH_MS} renderedAt={now.toISOString()} />
          <Link href="/supervisor/reports" className="text-teal-800 underline">
            {t("reports")}
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
        <Board rows={rows} grouping={grouping} now={now} staff={staff} />
        <div className="flex flex-col gap-5">
          <ApprovalsInbox approvals={approvals} />
          <AgentLoadTable load={load} />
        </div>
      </div>
    </div>
  );
}
