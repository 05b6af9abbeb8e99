import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { TemplateEditor } from "@/features/admin/components/template-editor";
import { loadTemplateForEditing } from "@/features/admin/queries";
import { templateKeySchema } from "@/features/admin/schemas";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function EditTemplatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  await requireRoleForPage("ADMIN", "/admin/templates");
  const parsed = templateKeySchema.safeParse(params);
  if (!parsed.success) notFound();
  const { kind, locale, category } = parsed.data;
  const categoryId = category || null;
  const loaded = await loadTemplateForEditing({ kind, locale, categoryId });
  if (!loaded) notFound();
  const { owner, existing, start } = loaded;
  const t = await getTranslations("admin");
  const scope = owner ? ((await getLocale()) === "id" ? owner.nameId : owner.nameEn) : t("templates.allCategories");
  return (
    <AdminPage current="/admin/templates" title={`${t(`templateKinds.${kind}`)} · ${scope} · ${t(`locales.${locale}`)}`}>
      {!existing && <p className="text-sm text-slate-600">{t("templates.newFromFallback")}</p>}
      <TemplateEditor
        kind={kind}
        locale={locale}
        categoryId={categoryId}
        subject={start?.subject ?? ""}
        body={start?.body ?? ""}
        templateId={existing?.id ?? null}
      />
    </AdminPage>
  );
}
