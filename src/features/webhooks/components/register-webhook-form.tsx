"use client";

import { useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/checkbox-group";
import { Field, inputClass } from "@/components/field";
import { SecretOnceForm } from "@/components/secret-once";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { registerWebhookAction } from "../actions";

export function RegisterWebhookForm() {
  const t = useTranslations("integrations.webhooks");
  return (
    <SecretOnceForm
      action={registerWebhookAction}
      id="register-webhook-title"
      title={t("registerTitle")}
      submit={t("register")}
      pending={t("registering")}
      reveal={(result) => ({
        id: "new-webhook-title",
        title: t("registeredTitle", { url: result.url }),
        explanation: t("secretShownOnce"),
        secret: result.secret,
        testId: "new-secret",
        doneLabel: t("done"),
      })}
    >
      {({ errors, values }) => (
        <>
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
        </>
      )}
    </SecretOnceForm>
  );
}
