"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/checkbox-group";
import { Field, inputClass } from "@/components/field";
import { FormAlert } from "@/components/form-alert";
import { SecretOnce } from "@/components/secret-once";
import { SubmitButton } from "@/components/submit-button";
import { API_SCOPES } from "@/domain/api-scopes";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { createApiTokenAction } from "../actions";

type State = FormState<{ name: string; token: string }>;

export function CreateTokenForm() {
  const t = useTranslations("integrations.tokens");
  const [state, action] = useActionState<State, FormData>(createApiTokenAction, IDLE);
  // The secret stays on screen until the admin says they have copied it; then a fresh form.
  const [dismissed, setDismissed] = useState<State | null>(null);
  if (state.status === "success" && dismissed !== state) {
    return (
      <SecretOnce
        id="new-token-title"
        title={t("createdTitle", { name: state.result.name })}
        explanation={t("shownOnce")}
        secret={state.result.token}
        testId="new-token"
        doneLabel={t("done")}
        onDone={() => setDismissed(state)}
      />
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form
      action={action}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby="create-token-title"
      key={state.status === "error" ? JSON.stringify(values) : state.status}
    >
      <h3 id="create-token-title" className="text-lg font-semibold">
        {t("createTitle")}
      </h3>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      <Field name="name" id="token-name" label={t("name")} hint={t("nameHint")} errors={errors.name}>
        {(p) => <input {...p} type="text" defaultValue={values.name} className={inputClass} maxLength={100} />}
      </Field>
      <CheckboxGroup
        id="token-scopes"
        name="scopes"
        legend={t("scopes")}
        errors={errors.scopes}
        options={API_SCOPES.map((scope) => ({
          value: scope,
          label: (
            <>
              <code className="font-mono">{scope}</code> — {t(`scope.${scope.replace(":", "_")}`)}
            </>
          ),
        }))}
      />
      <div>
        <SubmitButton pendingText={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
