import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/env";
import { OutboxMessage } from "@/features/outbox/components/outbox-message";
import { OutboxTable } from "@/features/outbox/components/outbox-table";
import { getOutboxMessage, listRecentOutbox } from "@/features/outbox/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Outbox" };

// Demo mode only: it shows what mail would reach customers, tracking links included.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (env().TANGGAP_DEMO !== "1") notFound();
  await requireRoleForPage("AGENT", "/agent/outbox");
  const t = await getTranslations("outbox");
  const { message: messageParam } = await searchParams;
  const message = typeof messageParam === "string" ? await getOutboxMessage(messageParam) : null;
  const rows = await listRecentOutbox();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {typeof messageParam === "string" && !message && (
        <p role="alert" className="text-sm text-red-700">
          {t("notFound")}
        </p>
      )}
      {message && <OutboxMessage message={message} />}
      <OutboxTable rows={rows} selectedId={message?.id} />
    </div>
  );
}
