"use client";

import type { ReactNode } from "react";
import { ActionForm, useActionForm } from "@/components/action-form";
import type { FormState } from "@/lib/forms/form-state";

export const useTicketForm = useActionForm;

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
  action: (previous: FormState<{ message: string }>, formData: FormData) => Promise<FormState<{ message: string }>>;
  ticketId: string;
  version: number;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  return (
    <ActionForm action={action} hidden={{ ticketId, version }} className={className} label={label}>
      {children}
    </ActionForm>
  );
}
