"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/action-form";
import { Field, inputClass } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { mergeAction } from "../actions";
import { TicketActionForm } from "./ticket-action-form";

export interface MergeCandidate {
  reference: string;
  subject: string;
  version: number;
}

function DuplicateField({ candidates }: { candidates: MergeCandidate[] }) {
  const t = useTranslations("merge");
  const { errors, values } = useActionForm();
  const [typed, setTyped] = useState(values.duplicate ?? "");
  // An offered complaint is merged at the version it was offered at; a typed one at what the server reads.
  const offered = candidates.find((c) => c.reference.toUpperCase() === typed.trim().toUpperCase());
  return (
    <>
      <Field name="duplicate" id="merge-duplicate" label={t("reference")} hint={t("referenceHint")} errors={errors.duplicate}>
        {(p) => (
          <input
            {...p}
            list="merge-candidates"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            className={inputClass}
          />
        )}
      </Field>
      <datalist id="merge-candidates">
        {candidates.map((c) => (
          <option key={c.reference} value={c.reference}>
            {t("candidate", { reference: c.reference, subject: c.subject })}
          </option>
        ))}
      </datalist>
      {offered && <input type="hidden" name="duplicateVersion" value={offered.version} />}
      {candidates.length > 0 && (
        <ul className="flex flex-col gap-1" data-testid="merge-candidates">
          {candidates.map((c) => (
            <li key={c.reference}>
              <button type="button" className="text-left text-teal-800 underline" onClick={() => setTyped(c.reference)}>
                {t("candidate", { reference: c.reference, subject: c.subject })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Merges another complaint about the same case into this ticket. */
export function MergePanel({ ticketId, version, candidates }: { ticketId: string; version: number; candidates: MergeCandidate[] }) {
  const t = useTranslations("merge");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="merge-panel">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <TicketActionForm action={mergeAction} ticketId={ticketId} version={version} label={t("title")} className="mt-3 flex flex-col gap-3">
        <p className="text-slate-600">{t("hint")}</p>
        <DuplicateField candidates={candidates} />
        <div>
          <SubmitButton pendingText={t("submit")}>{t("submit")}</SubmitButton>
        </div>
      </TicketActionForm>
    </details>
  );
}
