import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { EditStaffForms } from "@/features/admin/components/staff-forms";
import { getStaffMember, listTeams } from "@/features/admin/queries";
import { named } from "@/i18n/named";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireRoleForPage("ADMIN", `/admin/staff/${id}`);
  if (!UUID.test(id)) notFound();
  const [member, teams] = await Promise.all([getStaffMember(id), listTeams()]);
  if (!member) notFound();
  const t = await getTranslations("admin");
  const locale = await getLocale();
  return (
    <AdminPage current="/admin" title={member.name}>
      <p className="text-slate-700">
        {member.email} · {t(`roles.${member.role}`)} · {member.active ? t("active") : t("inactive")}
      </p>
      <EditStaffForms
        member={member}
        teams={teams.map((team) => ({ id: team.id, name: named(team, locale) }))}
        isSelf={member.id === admin.id}
      />
    </AdminPage>
  );
}
