import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { GROUPINGS, SupervisorView } from "@/features/supervisor/components/supervisor-view";
import { listAwaitingSettlement } from "@/features/supervisor/escalations";
import { agentLoad, listAttentionGroups, listPendingApprovals } from "@/features/supervisor/queries";
import { env } from "@/env";
import { RegulatoryBoard } from "@/features/regulation/components/regulatory-board";
import { listRegulatoryAttention } from "@/features/regulation/queries";
import type { Locale } from "@/i18n/locales";
import { requireRoleForPage } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { SUPERVISOR_BOARD } from "@/i18n/client-namespaces";

export const metadata: Metadata = { title: "Supervisor" };

export default async function SupervisorPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  await requireRoleForPage("SUPERVISOR", "/supervisor");
  const { group } = await searchParams;
  const grouping = GROUPINGS.find((g) => g === group) ?? "stage";
  const now = new Date();
  const locale = (await getLocale()) as Locale;
  const [groups, escalated, approvals, load, regulatory] = await Promise.all([
    listAttentionGroups(now, locale, grouping),
    listAwaitingSettlement(locale),
    listPendingApprovals(),
    agentLoad(now),
    listRegulatoryAttention(now),
  ]);
  return (
    <ClientMessages namespaces={SUPERVISOR_BOARD}>
      <SupervisorView
        groups={groups}
        escalated={escalated}
        approvals={approvals}
        load={load}
        grouping={grouping}
        now={now}
        refreshMs={env().BOARD_REFRESH_MS}
      />
      <RegulatoryBoard rows={regulatory} now={now} />
    </ClientMessages>
  );
}
