import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("intro")}</p>
      <ol className="grid gap-3 sm:grid-cols-4">
        {(["listen", "understand", "resolve", "apologise"] as const).map((step, i) => (
          <li key={step} className="rounded-lg border border-slate-200 bg-white p-4">
            <span className="block text-sm text-slate-500">{i + 1}</span>
            <span className="font-semibold">{t(`steps.${step}`)}</span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-4">
        <Link href="/complaints/new" className="inline-block rounded-md bg-teal-700 px-5 py-3 font-semibold text-white hover:bg-teal-800">
          {t("cta")}
        </Link>
        <Link href="/track" className="text-teal-800 underline">
          {t("lookup")}
        </Link>
      </div>
    </div>
  );
}
