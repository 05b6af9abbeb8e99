import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { queueQueryString, type QueueFilter } from "../schemas";

const link = "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:border-teal-700 hover:text-teal-800";

/** Links to the neighbouring pages; each carries the filter and an opaque cursor, so it can be bookmarked too. */
export async function QueuePagination({ filter, next, prev }: { filter: QueueFilter; next: string | null; prev: string | null }) {
  if (!next && !prev) return null;
  const t = await getTranslations("queue.pages");
  return (
    <nav aria-label={t("label")} className="flex items-center justify-end gap-2">
      {prev && (
        <>
          <Link href={`/agent${queueQueryString(filter)}`} className={link}>
            {t("first")}
          </Link>
          <Link href={`/agent${queueQueryString(filter, prev)}`} rel="prev" className={link}>
            ← {t("previous")}
          </Link>
        </>
      )}
      {next && (
        <Link href={`/agent${queueQueryString(filter, next)}`} rel="next" className={link}>
          {t("next")} →
        </Link>
      )}
    </nav>
  );
}
