import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CategoryTeams, TeamList } from "@/features/admin/components/team-sections";
import { listCategoriesForAdmin, listTeams } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function TeamsPage() {
  await requireRoleForPage("ADMIN", "/admin/teams");
  const t = await getTranslations("admin");
  const [teams, categories] = await Promise.all([listTeams(), listCategoriesForAdmin()]);
  return (
    <AdminPage current="/admin/teams" title={t("nav.teams")}>
      <TeamList teams={teams} />
      <CategoryTeams categories={categories} teams={teams} />
    </AdminPage>
  );
}
