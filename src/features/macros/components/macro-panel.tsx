"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { useActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { named } from "@/i18n/named";
import { applyMacroAction } from "@/features/protocol/actions";
import { TicketActionForm } from "@/features/protocol/components/ticket-action-form";

export interface MacroChoice {
  id: string;
  nameEn: string;
  nameId: string;
  team: { nameEn: string; nameId: string };
}

function MacroSelect({ macros }: { macros: MacroChoice[] }) {
  const t = useTranslations("macros");
  const locale = useLocale();
  const { errors, values } = useActionForm();
  const sorted = macros.toSorted((a, b) => named(a, locale).localeCompare(named(b, locale), locale));
  return (
    <Field name="macroId" id="macro-id" label={t("choose")} errors={errors.macroId}>
      {(p) => (
        <select {...p} defaultValue={values.macroId ?? sorted[0]?.id} className={inputClass}>
          {sorted.map((m) => (
            <option key={m.id} value={m.id}>
              {t("option", { name: named(m, locale), team: named(m.team, locale) })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Applies one of the team's macros: all its actions at once, or none with the reason. */
export function MacroPanel({ ticketId, version, macros }: { ticketId: string; version: number; macros: MacroChoice[] }) {
  const t = useTranslations("macros");
  return (
    <section aria-labelledby="macros-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="macros-title" className="font-semibold">
        {t("title")}
      </h2>
      {macros.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <TicketActionForm
          action={applyMacroAction}
          ticketId={ticketId}
          version={version}
          label={t("title")}
          className="flex flex-col gap-3"
        >
          <MacroSelect macros={macros} />
          <div>
            <SubmitButton pendingText={t("applying")}>{t("apply")}</SubmitButton>
          </div>
        </TicketActionForm>
      )}
    </section>
  );
}
