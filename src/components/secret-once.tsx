"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/**
 * A secret shown the only time it exists in clear (a new API token, a webhook's signing key):
 * it stays on screen until the admin says they have copied it.
 */
export function SecretOnce({
  id,
  title,
  explanation,
  secret,
  testId,
  doneLabel,
  onDone,
}: {
  id: string;
  title: string;
  explanation: string;
  secret: string;
  testId: string;
  doneLabel: string;
  onDone: () => void;
}) {
  return (
    <section aria-labelledby={id} role="status" className="flex flex-col gap-3 rounded-lg border border-teal-300 bg-teal-50 p-4">
      <h3 id={id} className="font-semibold text-teal-900">
        {title}
      </h3>
      <p>{explanation}</p>
      <code data-testid={testId} className="block break-all rounded bg-white p-2 font-mono text-sm">
        {secret}
      </code>
      <button type="button" onClick={onDone} className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5">
        {doneLabel}
      </button>
    </section>
  );
}

/**
 * A form that makes a secret (a new API token, a webhook's signing key) and then shows it once,
 * in place of the form, until the admin says they have copied it; then a fresh form.
 */
export function SecretOnceForm<R>({
  action,
  id,
  title,
  submit,
  pending,
  reveal,
  children,
}: {
  action: (state: FormState<R>, data: FormData) => Promise<FormState<R>>;
  id: string;
  title: string;
  submit: string;
  pending: string;
  reveal: (result: R) => { id: string; title: string; explanation: string; secret: string; testId: string; doneLabel: string };
  children: (form: { errors: Record<string, string[]>; values: Record<string, string> }) => ReactNode;
}) {
  const [state, formAction] = useActionState<FormState<R>, FormData>(action, IDLE);
  const [dismissed, setDismissed] = useState<FormState<R> | null>(null);
  if (state.status === "success" && dismissed !== state) {
    return <SecretOnce {...reveal(state.result)} onDone={() => setDismissed(state)} />;
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form
      action={formAction}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby={id}
      key={state.status === "error" ? JSON.stringify(values) : state.status}
    >
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" focusFirstInvalid focusKey={state} />
      {children({ errors, values })}
      <div>
        <SubmitButton pendingText={pending}>{submit}</SubmitButton>
      </div>
    </form>
  );
}
