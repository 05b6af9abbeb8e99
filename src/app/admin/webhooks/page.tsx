import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterWebhookForm } from "@/features/webhooks/components/register-webhook-form";
import { DeliveryTable, WebhookTable } from "@/features/webhooks/components/webhook-tables";
import { listWebhooks, recentDeliveries } from "@/features/webhooks/service";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireRoleForPage("ADMIN", "/admin/webhooks");
  const t = await getTranslations("integrations.webhooks");
  const [webhooks, deliveries] = await Promise.all([listWebhooks(), recentDeliveries()]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <RegisterWebhookForm />
      <WebhookTable webhooks={webhooks} />
      <DeliveryTable deliveries={deliveries} />
    </div>
  );
}
