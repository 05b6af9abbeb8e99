"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { IDLE, type FormState } from "@/features/forms/form-state";
import { registerWebhookAction } from "../actions";

type State = FormState<{ url: string; secret: string }>;

export function RegisterWebhookForm() {
  const t = useTranslations("integrations.webhooks");
  const [state, action] = useActionState<State, FormData>(registerWebhookAction, IDLE);
  const [dismissed, setDismissed] = useState<State | null>(null);
  if (state.status === "success" && dismissed !== state) {
    return (
      <section aria-labelledby="new-webhook-title" role="status" className="flex flex-col gap-3 rounded-lg border border-teal-300 bg-teal-50 p-4">
        <h3 id="new-webhook-title" className="font-semibold text-teal-900">
          {t("registeredTitle", { url: state.result.url })}
        </h3>
        <p>{t("secretShownOnce")}</p>
        <code data-testid="new-secret" className="block break-all rounded bg-white p-2 font-mono text-sm">
          {state.result.secret}
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
    <form action={action} noValidate className="flex flex-col gap-4" aria-labelledby="register-webhook-title" key={state.status === "error" ? JSON.stringify(values) : state.status}>
      <h3 id="register-webhook-title" className="text-lg font-semibold">
        {t("registerTitle")}
      </h3>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      <Field name="url" id="webhook-url" label={t("url")} hint={t("urlHint")} errors={errors.url}>
        {(p) => <input {...p} type="url" inputMode="url" defaultValue={values.url} className={inputClass} maxLength={2000} />}
      </Field>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.events ? "webhook-events-error" : undefined} aria-invalid={Boolean(errors.events)}>
        <legend className="font-medium text-slate-800">{t("events")}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex items-start gap-2">
            <input type="checkbox" name="events" value={event} className="mt-1" />
            <span>
              <code className="font-mono">{event}</code> — {t(`event.${event.replace(".", "_")}`)}
            </span>
          </label>
        ))}
        {errors.events && (
          <p id="webhook-events-error" className="text-sm font-medium text-red-700">
            {errors.events.join(" ")}
          </p>
        )}
      </fieldset>
      <div>
        <SubmitButton pendingText={t("registering")}>{t("register")}</SubmitButton>
      </div>
    </form>
  );
}
