import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueTable } from "@/features/queue/components/queue-table";
import { listQueue } from "@/features/queue/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Supervisor" };

export default async function SupervisorPage() {
  const staff = await requireRoleForPage("SUPERVISOR", "/supervisor");
  const t = await getTranslations("supervisor");
  const now = new Date();
  // At risk or overdue: past the at-risk point, with the clock running. The first page only, as before.
  const { rows } = await listQueue(staff.id, { atRisk: true, overdue: true }, { now });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <QueueTable rows={rows} now={now} />
    </div>
  );
}
