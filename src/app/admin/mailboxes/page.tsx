import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { AddMailboxForm } from "@/features/inbound/components/add-mailbox-form";
import { MailboxTable, QuarantineTable } from "@/features/inbound/components/mailbox-tables";
import { listMailboxes, listQuarantine } from "@/features/inbound/service";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Mailboxes" };

export default async function MailboxesPage() {
  await requireRoleForPage("ADMIN", "/admin/mailboxes");
  const t = await getTranslations("inbound");
  const [mailboxes, quarantine] = await Promise.all([listMailboxes(), listQuarantine()]);
  return (
    <AdminPage current="/admin/mailboxes" title={t("title")}>
      <p className="text-slate-700">{t("intro")}</p>
      <MailboxTable mailboxes={mailboxes} />
      <AddMailboxForm />
      <QuarantineTable mails={quarantine} />
    </AdminPage>
  );
}
