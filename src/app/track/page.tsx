import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LookupForm } from "@/features/tracking/components/customer-forms";
import { ClientMessages } from "@/i18n/client-messages";
import { TRACKING_PAGE } from "@/i18n/client-namespaces";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("track");
  return { title: t("lookupTitle") };
}

export default async function TrackLookupPage() {
  const t = await getTranslations("track");
  return (
    <ClientMessages namespaces={TRACKING_PAGE}>
      <div className="mx-auto flex max-w-md flex-col gap-5">
        <h1 className="text-2xl font-bold">{t("lookupTitle")}</h1>
        <p className="text-slate-700">{t("lookupIntro")}</p>
        <LookupForm />
      </div>
    </ClientMessages>
  );
}
