import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { disableWebhookAction } from "../actions";
import type { DeliveryRow, WebhookRow } from "../service";

export async function WebhookTable({ webhooks }: { webhooks: WebhookRow[] }) {
  const t = await getTranslations("integrations.webhooks");
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="p-3 text-left font-semibold">{t("listTitle")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">{t("url")}</th>
            <th scope="col" className="px-3 py-2">{t("events")}</th>
            <th scope="col" className="px-3 py-2">{t("createdBy")}</th>
            <th scope="col" className="px-3 py-2">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-3 text-slate-600">{t("none")}</td>
            </tr>
          )}
          {webhooks.map((w) => (
            <tr key={w.id} className="border-t border-slate-100" data-testid="webhook-row">
              <td className="break-all px-3 py-2 font-mono">{w.url}</td>
              <td className="px-3 py-2 font-mono">{w.events.join(" ")}</td>
              <td className="px-3 py-2">{w.createdBy.name} · {format.dateTime(w.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="px-3 py-2">
                {w.active ? (
                  <ActionForm action={disableWebhookAction} hidden={{ id: w.id }} className="flex flex-col gap-1" label={t("disableLabel", { url: w.url })}>
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
        </tbody>
      </table>
    </div>
  );
}

export async function DeliveryTable({ deliveries }: { deliveries: DeliveryRow[] }) {
  const t = await getTranslations("integrations.webhooks");
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="p-3 text-left font-semibold">{t("deliveriesTitle")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">{t("when")}</th>
            <th scope="col" className="px-3 py-2">{t("eventColumn")}</th>
            <th scope="col" className="px-3 py-2">{t("url")}</th>
            <th scope="col" className="px-3 py-2">{t("status")}</th>
            <th scope="col" className="px-3 py-2">{t("attempts")}</th>
            <th scope="col" className="px-3 py-2">{t("lastError")}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-3 text-slate-600">{t("noDeliveries")}</td>
            </tr>
          )}
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
        </tbody>
      </table>
    </div>
  );
}
