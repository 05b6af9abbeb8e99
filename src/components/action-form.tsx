"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { FormAlert } from "@/components/form-alert";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type State = FormState<{ message: string }>;
type FormAction = (previous: State, formData: FormData) => Promise<State>;

interface FormContext {
  errors: Record<string, string[]>;
  /** What was submitted, when refused: shown again so nothing typed is lost. */
  values: Record<string, string>;
}

const Context = createContext<FormContext>({ errors: {}, values: {} });

export function useActionForm(): FormContext {
  return useContext(Context);
}

/**
 * A form bound to a server action that answers with a message: the answer is announced,
 * focus goes to the first invalid field, and a refused form keeps what was typed.
 */
export function ActionForm({
  id,
  action,
  hidden = {},
  children,
  className,
  label,
}: {
  /** For fields outside the form that belong to it (`form={id}`), e.g. a table's row checkboxes. */
  id?: string;
  action: FormAction;
  hidden?: Record<string, string | number>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form
      id={id}
      action={formAction}
      className={className ?? "flex flex-col gap-3"}
      aria-label={label}
      noValidate
      key={state.status === "error" ? JSON.stringify(values) : "form"}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert
        message={state.status === "error" ? state.message : state.status === "success" ? state.result.message : undefined}
        tone={state.status === "success" ? "success" : "error"}
        focusFirstInvalid={state.status === "error"}
        focusKey={state}
      />
      <Context.Provider value={{ errors, values }}>{children}</Context.Provider>
    </form>
  );
}
