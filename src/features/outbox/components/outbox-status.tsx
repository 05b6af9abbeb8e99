import { getTranslations } from "next-intl/server";
import type { OutboxStatus } from "@/generated/prisma/enums";

const STYLE: Record<OutboxStatus, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
};

export async function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = await getTranslations("outbox.statuses");
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STYLE[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}
