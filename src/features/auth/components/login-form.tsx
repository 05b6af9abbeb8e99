"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { IDLE } from "@/lib/forms/form-state";
import { signInWithPassword } from "../actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("login");
  const [state, action] = useActionState(signInWithPassword, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={JSON.stringify(values)}>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="email" label={t("email")} errors={errors.email}>
        {(p) => <input {...p} type="email" autoComplete="username" defaultValue={values.email} className={inputClass} />}
      </Field>
      <Field name="password" label={t("password")} errors={errors.password}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <div>
        <SubmitButton pendingText={t("signingIn")}>{t("signIn")}</SubmitButton>
      </div>
    </form>
  );
}
