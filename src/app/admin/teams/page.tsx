import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { CategoryTeamForm, CreateTeamForm, RenameTeamForm } from "@/features/admin/components/team-forms";
import { listCategoriesForAdmin, listTeams } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function TeamsPage() {
  await requireRoleForPage("ADMIN", "/admin/teams");
  const t = await getTranslations("admin");
  const [teams, categories] = await Promise.all([listTeams(), listCategoriesForAdmin()]);
  const choices = teams.map((team) => ({ id: team.id, name: team.name }));
  return (
    <AdminPage current="/admin/teams" title={t("nav.teams")}>
      <section aria-labelledby="teams-list" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="teams-list" className="text-lg font-semibold">
          {t("teams.list")}
        </h2>
        <ul className="flex flex-col gap-4">
          {teams.map((team) => (
            <li key={team.id} className="flex flex-col gap-1 border-b border-slate-100 pb-4">
              <p className="text-sm text-slate-600">
                {t("teams.summary", { members: team._count.members, categories: team.categories.length })}
              </p>
              <RenameTeamForm team={team} />
            </li>
          ))}
        </ul>
        <h3 className="font-semibold">{t("teams.create")}</h3>
        <CreateTeamForm />
      </section>
      <section aria-labelledby="category-teams" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="category-teams" className="text-lg font-semibold">
          {t("teams.categories")}
        </h2>
        <p className="text-sm text-slate-600">{t("teams.categoriesHint")}</p>
        {categories.map((category) => (
          <CategoryTeamForm key={category.id} category={category} teams={choices} />
        ))}
      </section>
    </AdminPage>
  );
}
