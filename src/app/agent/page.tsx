import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueTable } from "@/features/queue/components/queue-table";
import { listQueue } from "@/features/queue/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Queue" };

export default async function AgentQueuePage() {
  const staff = await requireRoleForPage("AGENT", "/agent");
  const t = await getTranslations("queue");
  const rows = await listQueue(staff.id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <QueueTable rows={rows} now={new Date()} />
    </div>
  );
}
