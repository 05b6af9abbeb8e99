import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { RESOLUTION_KINDS } from "@/domain/resolution";
import { ROLES } from "@/domain/roles";
import type { AdminCategory, listAuthorityLimits, listCategoriesForAdmin } from "../queries";
import { AuthorityLimitForm, OptionForm } from "./category-forms";
import { CreateCustomFieldForm, EditCustomFieldForm, type AdminCustomField } from "./custom-field-forms";
import { named } from "@/i18n/named";

type CategoryRow = Awaited<ReturnType<typeof listCategoriesForAdmin>>[number];
type AuthorityLimit = Awaited<ReturnType<typeof listAuthorityLimits>>[number];

/** One limit per role; a role without a stored limit may approve nothing, shown as zero. */
export async function AuthorityLimits({ limits }: { limits: AuthorityLimit[] }) {
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="authority" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="authority" className="text-lg font-semibold">
        {t("authority.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("authority.hint")}</p>
      {ROLES.map((role) => limits.find((l) => l.role === role) ?? { role, maxAmount: "0", currency: "IDR" }).map((limit) => (
        <AuthorityLimitForm key={limit.role} limit={limit} />
      ))}
    </section>
  );
}

export async function CategoryList({ categories }: { categories: CategoryRow[] }) {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  return (
    <DataTable
      caption={t("categories.list")}
      columns={[t("categories.sortOrder"), t("categories.name"), t("categories.code"), t("categories.options"), t("status")]}
    >
      {categories.map((c) => (
        <tr key={c.id} className="border-t border-slate-100">
          <td className="px-3 py-2">{c.sortOrder}</td>
          <td className="px-3 py-2">
            <Link href={`/admin/categories/${c.id}`} className="text-teal-800 underline hover:text-teal-950">
              {named(c, locale)}
            </Link>
          </td>
          <td className="px-3 py-2 font-mono">{c.code}</td>
          <td className="px-3 py-2">{c.optionCount}</td>
          <td className="px-3 py-2">{c.active ? t("active") : t("categories.inactive")}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A category's resolution options, each editable, and a form for a kind it does not offer yet. */
export async function CategoryOptions({ category }: { category: AdminCategory }) {
  const t = await getTranslations("admin");
  const freeKinds = RESOLUTION_KINDS.filter((k) => !category.options.some((o) => o.kind === k));
  return (
    <section aria-labelledby="options" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="options" className="text-lg font-semibold">
        {t("options.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("options.hint")}</p>
      {category.options.map((option) => (
        <div key={option.id} className="border-b border-slate-100 pb-4">
          <OptionForm categoryId={category.id} option={option} />
        </div>
      ))}
      {freeKinds.length > 0 && (
        <>
          <h3 className="font-semibold">{t("options.add")}</h3>
          <OptionForm categoryId={category.id} freeKinds={freeKinds} />
        </>
      )}
    </section>
  );
}

/** A category's custom fields, each editable (archived ones too: they still label old answers), and a form for a new one. */
export async function CategoryCustomFields({ categoryId, fields }: { categoryId: string; fields: AdminCustomField[] }) {
  const t = await getTranslations("admin.fields");
  return (
    <section aria-labelledby="custom-fields" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="custom-fields" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      {fields.map((field) => (
        <div key={field.id} className="border-t border-slate-100 pt-4">
          <EditCustomFieldForm field={field} />
        </div>
      ))}
      <div className="border-t border-slate-100 pt-4">
        <h3 className="mb-2 font-semibold">{t("add")}</h3>
        <CreateCustomFieldForm categoryId={categoryId} />
      </div>
    </section>
  );
}
