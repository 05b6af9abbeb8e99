import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CreateStaffForm } from "@/features/admin/components/staff-forms";
import { listStaff, listTeams } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminStaffPage() {
  await requireRoleForPage("ADMIN", "/admin");
  const t = await getTranslations("admin");
  const [staff, teams] = await Promise.all([listStaff(), listTeams()]);
  return (
    <AdminPage current="/admin" title={t("title")}>
      <DataTable caption={t("staff")} columns={[t("name"), t("email"), t("role"), t("team"), t("status")]}>
        {staff.map((u) => (
          <tr key={u.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/admin/staff/${u.id}`} className="text-teal-800 underline hover:text-teal-950">
                {u.name}
              </Link>
            </td>
            <td className="px-3 py-2">{u.email}</td>
            <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
            <td className="px-3 py-2">{u.team?.name ?? "—"}</td>
            <td className="px-3 py-2">{u.active ? t("active") : t("inactive")}</td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="new-staff" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-staff" className="mb-3 text-lg font-semibold">
          {t("staffForm.create")}
        </h2>
        <CreateStaffForm teams={teams.map((team) => ({ id: team.id, name: team.name }))} />
      </section>
    </AdminPage>
  );
}
