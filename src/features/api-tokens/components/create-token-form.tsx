"use client";

import { useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/checkbox-group";
import { Field, inputClass } from "@/components/field";
import { SecretOnceForm } from "@/components/secret-once";
import { API_SCOPES } from "@/domain/api-scopes";
import { createApiTokenAction } from "../actions";

export function CreateTokenForm() {
  const t = useTranslations("integrations.tokens");
  return (
    <SecretOnceForm
      action={createApiTokenAction}
      id="create-token-title"
      title={t("createTitle")}
      submit={t("create")}
      pending={t("creating")}
      reveal={(result) => ({
        id: "new-token-title",
        title: t("createdTitle", { name: result.name }),
        explanation: t("shownOnce"),
        secret: result.token,
        testId: "new-token",
        doneLabel: t("done"),
      })}
    >
      {({ errors, values }) => (
        <>
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
        </>
      )}
    </SecretOnceForm>
  );
}
