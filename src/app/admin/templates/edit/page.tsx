import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { TEMPLATE_KINDS } from "@/domain/templates";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { TemplateEditor } from "@/features/admin/components/template-editor";
import { findTemplate, getCategoryForAdmin } from "@/features/admin/queries";
import { LOCALES } from "@/i18n/locales";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

const keySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  locale: z.enum(LOCALES),
  category: z.union([z.literal(""), z.uuid()]).default(""),
});

export default async function EditTemplatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  await requireRoleForPage("ADMIN", "/admin/templates");
  const parsed = keySchema.safeParse(params);
  if (!parsed.success) notFound();
  const { kind, locale, category } = parsed.data;
  const categoryId = category || null;
  const owner = categoryId ? await getCategoryForAdmin(categoryId) : null;
  if (categoryId && !owner) notFound();
  const t = await getTranslations("admin");
  const viewerLocale = await getLocale();
  const existing = await findTemplate({ kind, locale, categoryId });
  // A category without its own template starts from the fallback text every category shares.
  const start = existing ?? (categoryId ? await findTemplate({ kind, locale, categoryId: null }) : null);
  const scope = owner ? (viewerLocale === "id" ? owner.nameId : owner.nameEn) : t("templates.allCategories");
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
