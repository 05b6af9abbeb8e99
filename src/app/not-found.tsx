import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href="/track" className="text-teal-800 underline">
        {t("lookup")}
      </Link>
      <Link href="/" className="text-teal-800 underline">
        {t("home")}
      </Link>
    </div>
  );
}
