"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { FormAlert } from "@/components/form-alert";
import { IDLE } from "@/features/forms/form-state";
import type { TicketActionState } from "../run-ticket-action";

type TicketAction = (previous: TicketActionState, formData: FormData) => Promise<TicketActionState>;

interface FormContext {
  errors: Record<string, string[]>;
  /** What the agent submitted, when refused: shown again so nothing typed is lost. */
  values: Record<string, string>;
}

const Context = createContext<FormContext>({ errors: {}, values: {} });

export function useTicketForm(): FormContext {
  return useContext(Context);
}

/**
 * A form that changes the ticket. It carries the version the agent is looking at, so a
 * change made meanwhile by someone else is refused rather than overwritten.
 */
export function TicketActionForm({
  action,
  ticketId,
  version,
  children,
  className,
  label,
}: {
  action: TicketAction;
  ticketId: string;
  version: number;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-3"} aria-label={label} noValidate key={state.status === "error" ? JSON.stringify(values) : "form"}>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="version" value={version} />
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
