import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ComplaintForm } from "@/features/complaints/components/complaint-form";
import { listCategoryChoices } from "@/features/complaints/queries";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { isLocale } from "@/i18n/locales";
import { ClientMessages } from "@/i18n/client-messages";
import { COMPLAINT_PAGE } from "@/i18n/client-namespaces";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaintForm");
  return { title: t("title") };
}

export default async function NewComplaintPage() {
  const t = await getTranslations("complaintForm");
  const locale = await getLocale();
  const categories = await listCategoryChoices(isLocale(locale) ? locale : "id");
  // Only what the public may see: internal fields never reach the browser.
  const fields = (await loadFieldDefinitions())
    .filter((f) => f.customerFacing && !f.archived)
    .map(({ id: _id, categoryId: _category, ...f }) => f);
  return (
    <ClientMessages namespaces={COMPLAINT_PAGE}>
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <div className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        <ComplaintForm categories={categories} fields={fields} today={new Date().toISOString().slice(0, 10)} submissionId={randomUUID()} />
      </div>
    </ClientMessages>
  );
}
