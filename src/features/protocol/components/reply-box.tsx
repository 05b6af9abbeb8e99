"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AttachmentInput } from "@/features/attachments/components/attachment-input";
import { replyAction } from "../actions";
import { ReplyAdvice } from "./reply-advice";
import { MessageField } from "./stages/fields";
import { TicketActionForm, useTicketForm } from "./ticket-action-form";

function ReplyAttachments() {
  const t = useTranslations("workspace");
  const { errors } = useTicketForm();
  return <AttachmentInput id="reply-box-attachments" errors={errors.attachments} optionalLabel={t("optional")} />;
}

/** A reply to the customer or an internal note, with files if need be. Notes, and their files, never reach the customer. */
export function ReplyBox({
  ticketId,
  version,
  locale,
  templatePicker,
}: {
  ticketId: string;
  version: number;
  locale: string;
  templatePicker?: ReactNode;
}) {
  const t = useTranslations("workspace");
  return (
    <section aria-labelledby="reply-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="reply-title" className="mb-2 text-lg font-semibold">
        {t("replyTitle")}
      </h2>
      <TicketActionForm action={replyAction} ticketId={ticketId} version={version} label={t("replyTitle")}>
        {templatePicker}
        <MessageField name="body" id="reply-body" label={t("message")} locale={locale} fallback="" rows={3} />
        <ReplyAdvice locale={locale} />
        <ReplyAttachments />
        {/* Who reads it, whether to wait, and Send on one line: the box stays short beside the conversation. */}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <fieldset className="flex flex-wrap gap-4">
            <legend className="sr-only">{t("visibility")}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="visibility" value="PUBLIC" defaultChecked className="h-4 w-4" />
              {t("publicReply")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="visibility" value="INTERNAL" className="h-4 w-4" />
              {t("internalNote")}
            </label>
          </fieldset>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="waitForCustomer" className="h-4 w-4" />
            {t("waitForAnswer")}
          </label>
          <button
            type="submit"
            aria-keyshortcuts="Control+Enter Meta+Enter"
            className="ml-auto rounded-md bg-slate-800 px-4 py-2 font-semibold text-white hover:bg-slate-900 focus:outline-none focus:ring-2 focus:ring-teal-600"
          >
            {t("send")}
          </button>
        </div>
      </TicketActionForm>
    </section>
  );
}
