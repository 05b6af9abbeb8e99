"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { API_SCOPES } from "@/domain/api-scopes";
import { IDLE, type FormState } from "@/features/forms/form-state";
import { createApiTokenAction } from "../actions";

type State = FormState<{ name: string; token: string }>;

export function CreateTokenForm() {
  const t = useTranslations("integrations.tokens");
  const [state, action] = useActionState<State, FormData>(createApiTokenAction, IDLE);
  // The secret stays on screen until the admin says they have copied it; then a fresh form.
  const [dismissed, setDismissed] = useState<State | null>(null);
  if (state.status === "success" && dismissed !== state) {
    return (
      <section aria-labelledby="new-token-title" role="status" className="flex flex-col gap-3 rounded-lg border border-teal-300 bg-teal-50 p-4">
        <h3 id="new-token-title" className="font-semibold text-teal-900">
          {t("createdTitle", { name: state.result.name })}
        </h3>
        <p>{t("shownOnce")}</p>
        <code data-testid="new-token" className="block break-all rounded bg-white p-2 font-mono text-sm">
          {state.result.token}
        </code>
        <button type="button" onClick={() => setDismissed(state)} className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5">
          {t("done")}
        </button>
      </section>
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-labelledby="create-token-title" key={state.status === "error" ? JSON.stringify(values) : state.status}>
      <h3 id="create-token-title" className="text-lg font-semibold">
        {t("createTitle")}
      </h3>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      <Field name="name" id="token-name" label={t("name")} hint={t("nameHint")} errors={errors.name}>
        {(p) => <input {...p} type="text" defaultValue={values.name} className={inputClass} maxLength={100} />}
      </Field>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.scopes ? "token-scopes-error" : undefined} aria-invalid={Boolean(errors.scopes)}>
        <legend className="font-medium text-slate-800">{t("scopes")}</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="flex items-start gap-2">
            <input type="checkbox" name="scopes" value={scope} className="mt-1" />
            <span>
              <code className="font-mono">{scope}</code> — {t(`scope.${scope.replace(":", "_")}`)}
            </span>
          </label>
        ))}
        {errors.scopes && (
          <p id="token-scopes-error" className="text-sm font-medium text-red-700">
            {errors.scopes.join(" ")}
          </p>
        )}
      </fieldset>
      <div>
        <SubmitButton pendingText={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
