import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { disableWebhookAction } from "../actions";
import type { DeliveryRow, WebhookRow } from "../service";

export async function WebhookTable({ webhooks }: { webhooks: WebhookRow[] }) {
  const t = await getTranslations("integrations.webhooks");
  const format = await getFormatter();
  return (
    <DataTable
      caption={t("listTitle")}
      columns={[t("url"), t("events"), t("createdBy"), t("status")]}
      empty={webhooks.length === 0 ? t("none") : undefined}
    >
      {webhooks.map((w) => (
        <tr key={w.id} className="border-t border-slate-100" data-testid="webhook-row">
          <td className="break-all px-3 py-2 font-mono">{w.url}</td>
          <td className="px-3 py-2 font-mono">{w.events.join(" ")}</td>
          <td className="px-3 py-2">
            {w.createdBy.name} · {format.dateTime(w.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </td>
          <td className="px-3 py-2">
            {w.active ? (
              <ActionForm
                action={disableWebhookAction}
                hidden={{ id: w.id }}
                className="flex flex-col gap-1"
                label={t("disableLabel", { url: w.url })}
              >
                <span>{t("active")}</span>
                <button type="submit" className="self-start rounded-md border border-red-300 bg-white px-3 py-1 text-red-800">
                  {t("disable")}
                </button>
              </ActionForm>
            ) : (
              t("disabledAt", { when: w.disabledAt ? format.dateTime(w.disabledAt, { dateStyle: "medium", timeStyle: "short" }) : "—" })
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export async function DeliveryTable({ deliveries }: { deliveries: DeliveryRow[] }) {
  const t = await getTranslations("integrations.webhooks");
  const format = await getFormatter();
  return (
    <DataTable
      caption={t("deliveriesTitle")}
      columns={[t("when"), t("eventColumn"), t("url"), t("status"), t("attempts"), t("lastError")]}
      empty={deliveries.length === 0 ? t("noDeliveries") : undefined}
    >
      {deliveries.map((d) => (
        <tr key={d.id} className="border-t border-slate-100" data-testid="delivery-row">
          <td className="px-3 py-2">{format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
          <td className="px-3 py-2 font-mono">{d.kind}</td>
          <td className="break-all px-3 py-2 font-mono">{d.recipient}</td>
          <td className="px-3 py-2">{t(`deliveryStatus.${d.status}`)}</td>
          <td className="px-3 py-2">{d.attempts}</td>
          <td className="px-3 py-2 text-slate-700">{d.lastError ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
