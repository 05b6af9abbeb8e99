"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/checkbox-group";
import { Field, inputClass } from "@/components/field";
import { FormAlert } from "@/components/form-alert";
import { SecretOnce } from "@/components/secret-once";
import { SubmitButton } from "@/components/submit-button";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { registerWebhookAction } from "../actions";

type State = FormState<{ url: string; secret: string }>;

export function RegisterWebhookForm() {
  const t = useTranslations("integrations.webhooks");
  const [state, action] = useActionState<State, FormData>(registerWebhookAction, IDLE);
  const [dismissed, setDismissed] = useState<State | null>(null);
  if (state.status === "success" && dismissed !== state) {
    return (
      <SecretOnce
        id="new-webhook-title"
        title={t("registeredTitle", { url: state.result.url })}
        explanation={t("secretShownOnce")}
        secret={state.result.secret}
        testId="new-secret"
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
      aria-labelledby="register-webhook-title"
      key={state.status === "error" ? JSON.stringify(values) : state.status}
    >
      <h3 id="register-webhook-title" className="text-lg font-semibold">
        {t("registerTitle")}
      </h3>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      <Field name="url" id="webhook-url" label={t("url")} hint={t("urlHint")} errors={errors.url}>
        {(p) => <input {...p} type="url" inputMode="url" defaultValue={values.url} className={inputClass} maxLength={2000} />}
      </Field>
      <CheckboxGroup
        id="webhook-events"
        name="events"
        legend={t("events")}
        errors={errors.events}
        options={WEBHOOK_EVENTS.map((event) => ({
          value: event,
          label: (
            <>
              <code className="font-mono">{event}</code> — {t(`event.${event.replace(".", "_")}`)}
            </>
          ),
        }))}
      />
      <div>
        <SubmitButton pendingText={t("registering")}>{t("register")}</SubmitButton>
      </div>
    </form>
  );
}
