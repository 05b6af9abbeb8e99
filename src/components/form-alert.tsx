"use client";

import { useEffect, useRef } from "react";

/** The form-level message, announced to screen readers; on error, focus moves to the first invalid field. */
export function FormAlert({
  message,
  tone,
  focusFirstInvalid,
  focusKey,
}: {
  message?: string;
  tone: "error" | "success";
  focusFirstInvalid?: boolean;
  /** Changes on every submission, so a repeated error moves focus again. */
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message || !focusFirstInvalid) return;
    const form = ref.current?.closest("form");
    const firstInvalid = form?.querySelector<HTMLElement>("[aria-invalid=true]");
    (firstInvalid ?? ref.current)?.focus();
  }, [message, focusFirstInvalid, focusKey]);
  return (
    <div ref={ref} tabIndex={-1} aria-live="assertive" role={tone === "error" ? "alert" : "status"}>
      {message && (
        <p
          className={
            tone === "error"
              ? "rounded-md border border-red-300 bg-red-50 p-3 text-red-800"
              : "rounded-md border border-teal-300 bg-teal-50 p-3 text-teal-900"
          }
        >
          {message}
        </p>
      )}
    </div>
  );
}
