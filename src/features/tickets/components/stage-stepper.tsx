import { getTranslations } from "next-intl/server";
import { STAGES, type Stage } from "@/domain/stages";

/** Where the ticket is in listen → understand → resolve → apologise. */
export async function StageStepper({ stage }: { stage: Stage }) {
  const t = await getTranslations("stages");
  const current = STAGES.indexOf(stage);
  return (
    <ol className="flex flex-wrap items-center gap-1 text-sm" aria-label={t("label")}>
      {STAGES.map((s, i) => (
        <li
          key={s}
          aria-current={i === current ? "step" : undefined}
          className={`rounded-full px-3 py-1 ${i === current ? "bg-teal-700 font-semibold text-white" : i < current ? "bg-teal-100 text-teal-900" : "bg-slate-100 text-slate-600"}`}
        >
          {t(s)}
        </li>
      ))}
    </ol>
  );
}
