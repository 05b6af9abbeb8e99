"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS, checkAttachments, type AttachmentCandidate } from "@/domain/attachments";
import type { Translate } from "@/lib/forms/form-state";
import { formatFileSize } from "../format";
import { attachmentProblemMessages } from "../messages";

function chosenFiles(input: HTMLInputElement | null): AttachmentCandidate[] {
  return Array.from(input?.files ?? [], (f) => ({ name: f.name, size: f.size }));
}

/**
 * A file picker for a form's attachments (field `name`, "attachments" by default), with its
 * label, the limits, the chosen files and their problems. Count and size are checked here
 * before anything is uploaded, and a submission with a refused file is held back; the type
 * is only known once the server has read the bytes, so `errors` (from the action) shows
 * what the server refused.
 */
export function AttachmentInput({
  name = "attachments",
  id: givenId,
  label,
  optionalLabel,
  errors,
}: {
  name?: string;
  /** Needed when two forms on one page have an attachment field. */
  id?: string;
  label?: string;
  /** Shown after the label, as the form's other optional fields have it. */
  optionalLabel?: string;
  errors?: string[];
}) {
  const t = useTranslations("attachments");
  const tRoot = useTranslations();
  const format = useFormatter();
  const id = givenId ?? `field-${name}`;
  const ref = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<AttachmentCandidate[]>([]);
  // The server's verdict is about the files sent last time; once others are chosen it is stale.
  const [dismissed, setDismissed] = useState<string[] | undefined>();
  const shownErrors = errors?.length && errors !== dismissed ? errors : undefined;
  const problems = checkAttachments(chosen);
  const problemMessages = attachmentProblemMessages(problems, tRoot as Translate);

  useEffect(() => {
    const input = ref.current;
    const form = input?.form;
    if (!input || !form) return;
    // Registered on the form itself, so it runs before React's form action (dispatched at the
    // root) and a prevented submission never starts the upload.
    const onSubmit = (event: SubmitEvent) => {
      const files = chosenFiles(input);
      if (checkAttachments(files).length === 0) return;
      event.preventDefault();
      setChosen(files);
      input.focus();
    };
    const onReset = () => setChosen([]);
    form.addEventListener("submit", onSubmit);
    form.addEventListener("reset", onReset);
    return () => {
      form.removeEventListener("submit", onSubmit);
      form.removeEventListener("reset", onReset);
    };
  }, []);

  const hintId = `${id}-hint`;
  const errorId = shownErrors ? `${id}-error` : undefined;
  const problemsId = `${id}-problems`;
  const statusId = `${id}-status`;
  const describedBy = [hintId, errorId, problems.length ? problemsId : undefined].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label ?? t("label")}
        {optionalLabel && <span className="ml-1 text-sm font-normal text-slate-500">({optionalLabel})</span>}
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        {t("hint", ATTACHMENT_LIMITS)}
      </p>
      {/* The browser's own picker speaks the browser's language ("Choose Files", "No file chosen"):
          it stays for keyboards, screen readers and drops, out of sight, and ours is what shows. */}
      <div className="flex flex-wrap items-center gap-3">
        <input
          ref={ref}
          id={id}
          name={name}
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-invalid={Boolean(errorId) || problems.length > 0}
          aria-describedby={`${describedBy} ${statusId}`}
          onChange={(e) => {
            setChosen(chosenFiles(e.currentTarget));
            setDismissed(errors);
          }}
          className="peer sr-only"
        />
        <label
          htmlFor={id}
          className="cursor-pointer rounded-md border border-teal-700 bg-teal-50 px-4 py-2 font-medium text-teal-900 hover:bg-teal-100 peer-focus-visible:ring-2 peer-focus-visible:ring-teal-600 peer-focus-visible:ring-offset-2"
        >
          {t("choose")}
        </label>
        <span id={statusId} className="text-sm text-slate-600" data-testid="attachment-status">
          {chosen.length > 0 ? t("chosenCount", { count: chosen.length }) : t("noneChosen")}
        </span>
      </div>
      {chosen.length > 0 && (
        <ul aria-label={t("chosen")} className="text-sm text-slate-700">
          {chosen.map((f, i) => (
            <li key={`${i}-${f.name}`}>
              {f.name} · {formatFileSize(f.size, format.number)}
            </li>
          ))}
        </ul>
      )}
      <div id={problemsId} aria-live="polite">
        {problemMessages.length > 0 && (
          <ul className="text-sm font-medium text-red-700">
            {problemMessages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
      </div>
      {shownErrors && (
        <ul id={errorId} className="text-sm font-medium text-red-700" data-testid="attachment-errors">
          {shownErrors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
