import { getTranslations } from "next-intl/server";

/**
 * The page of a complaint merged into another customer's: it is handled together with a related
 * complaint, and that one's conversation is not this link holder's to read.
 */
export async function MergedNotice({ reference }: { reference: string }) {
  const t = await getTranslations("track.merged");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">{t("yourComplaint")}</p>
        <h1 className="font-mono text-3xl font-bold" data-testid="reference">
          {reference}
        </h1>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5" data-testid="merged-notice">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="mt-2 text-slate-700">{t("body")}</p>
      </section>
    </div>
  );
}
