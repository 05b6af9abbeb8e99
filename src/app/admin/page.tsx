import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CreateStaffForm } from "@/features/admin/components/staff-forms";
import { StaffList } from "@/features/admin/components/staff-list";
import { listStaff, listTeams } from "@/features/admin/queries";
import { named } from "@/i18n/named";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminStaffPage() {
  await requireRoleForPage("ADMIN", "/admin");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const [staff, teams] = await Promise.all([listStaff(), listTeams()]);
  return (
    <AdminPage current="/admin" title={t("title")}>
      <StaffList staff={staff} />
      <section aria-labelledby="new-staff" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-staff" className="mb-3 text-lg font-semibold">
          {t("staffForm.create")}
        </h2>
        <CreateStaffForm teams={teams.map((team) => ({ id: team.id, name: named(team, locale) }))} />
      </section>
    </AdminPage>
  );
}
