import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterWebhookForm } from "@/features/webhooks/components/register-webhook-form";
import { DeliveryTable, WebhookTable } from "@/features/webhooks/components/webhook-tables";
import { listWebhooks, recentDeliveries } from "@/features/webhooks/service";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireRoleForPage("ADMIN", "/admin/webhooks");
  const t = await getTranslations("integrations.webhooks");
  const [webhooks, deliveries] = await Promise.all([listWebhooks(), recentDeliveries()]);
  return (
    <AdminPage current="/admin/webhooks" title={t("title")}>
      <p className="text-slate-700">{t("intro")}</p>
      <RegisterWebhookForm />
      <WebhookTable webhooks={webhooks} />
      <DeliveryTable deliveries={deliveries} />
    </AdminPage>
  );
}
