import type { Metadata } from "next";
import { GROUPINGS, SupervisorView } from "@/features/supervisor/components/supervisor-view";
import { agentLoad, listNeedingAttention, listPendingApprovals } from "@/features/supervisor/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Supervisor" };

// How often the board re-reads the database; short in the browser tests.
const REFRESH_MS = Number(process.env.BOARD_REFRESH_MS ?? 15_000);

export default async function SupervisorPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  await requireRoleForPage("SUPERVISOR", "/supervisor");
  const { group } = await searchParams;
  const grouping = GROUPINGS.find((g) => g === group) ?? "stage";
  const now = new Date();
  const [rows, approvals, load] = await Promise.all([listNeedingAttention(now), listPendingApprovals(), agentLoad(now)]);
  return <SupervisorView rows={rows} approvals={approvals} load={load} grouping={grouping} now={now} refreshMs={REFRESH_MS} />;
}
