import { getLocale, getTranslations } from "next-intl/server";
import { named } from "@/i18n/named";
import type { listCategoriesForAdmin, listTeams } from "../queries";
import { CategoryTeamForm, CreateTeamForm, RenameTeamForm } from "./team-forms";

type Team = Awaited<ReturnType<typeof listTeams>>[number];
type Category = Awaited<ReturnType<typeof listCategoriesForAdmin>>[number];

/** The teams, each with its size and renameable, then a form for a new team. */
export async function TeamList({ teams }: { teams: Team[] }) {
  const t = await getTranslations("admin");
  return (
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
  );
}

/** Which team new tickets of each category go to. */
export async function CategoryTeams({ categories, teams }: { categories: Category[]; teams: Team[] }) {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const choices = teams.map((team) => ({ id: team.id, name: named(team, locale) }));
  return (
    <section aria-labelledby="category-teams" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="category-teams" className="text-lg font-semibold">
        {t("teams.categories")}
      </h2>
      <p className="text-sm text-slate-600">{t("teams.categoriesHint")}</p>
      {categories.map((category) => (
        <CategoryTeamForm key={category.id} category={category} teams={choices} />
      ))}
    </section>
  );
}
