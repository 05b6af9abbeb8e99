import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { AuditFilterForm, AuditPager, AuditTable } from "@/features/admin/components/audit-log";
import { listAuditEntries } from "@/features/admin/queries";
import { auditFilterSchema } from "@/features/admin/schemas";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  await requireRoleForPage("ADMIN", "/admin/audit");
  const t = await getTranslations("admin");
  const filter = auditFilterSchema.parse(params);
  const { entries, nextBefore } = await listAuditEntries(filter);
  return (
    <AdminPage current="/admin/audit" title={t("nav.audit")}>
      <AuditFilterForm filter={filter} />
      <AuditTable entries={entries} />
      <AuditPager filter={filter} nextBefore={nextBefore} />
    </AdminPage>
  );
}
