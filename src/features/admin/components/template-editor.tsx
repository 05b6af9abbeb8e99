"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, useActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { PLACEHOLDERS, renderTemplate, SAMPLE_VALUES, unknownPlaceholders } from "@/domain/templates";
import { deleteTemplateAction, saveTemplateAction } from "../actions";
import { TextArea, TextField, secondaryButton } from "./fields";

interface Props {
  kind: string;
  locale: "en" | "id";
  categoryId: string | null;
  subject: string;
  body: string;
}

/** Subject and body with a preview that follows each keystroke, rendered the way an agent's copy will be. */
function Editor({ locale, subject: initialSubject, body: initialBody }: Pick<Props, "locale" | "subject" | "body">) {
  const t = useTranslations("admin.templates");
  const { values } = useActionForm();
  const [subject, setSubject] = useState(values.subject ?? initialSubject);
  const [body, setBody] = useState(values.body ?? initialBody);
  const sample = SAMPLE_VALUES[locale];
  const unknown = [...new Set([...unknownPlaceholders(subject), ...unknownPlaceholders(body)])];
  return (
    <div
      className="grid gap-4 lg:grid-cols-2"
      onInput={(event) => {
        const target = event.target as HTMLInputElement | HTMLTextAreaElement;
        if (target.name === "subject") setSubject(target.value);
        if (target.name === "body") setBody(target.value);
      }}
    >
      <div className="flex flex-col gap-3">
        <TextField name="subject" label={t("subject")} defaultValue={initialSubject} />
        <TextArea
          name="body"
          label={t("body")}
          defaultValue={initialBody}
          rows={12}
          hint={t("placeholders", { list: PLACEHOLDERS.map((p) => `{${p}}`).join(" ") })}
        />
      </div>
      <section
        aria-labelledby="preview-title"
        aria-live="polite"
        className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-4"
        data-testid="template-preview"
      >
        <h2 id="preview-title" className="font-semibold">
          {t("preview")}
        </h2>
        <p className="text-sm text-slate-600">{t("previewHint")}</p>
        <p className="font-medium">{renderTemplate(subject, sample)}</p>
        <div className="whitespace-pre-wrap text-slate-900">{renderTemplate(body, sample)}</div>
        {unknown.length > 0 && (
          <p className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
            {t("unknownLive", { names: unknown.join(", ") })}
          </p>
        )}
      </section>
    </div>
  );
}

export function TemplateEditor(props: Props & { templateId: string | null }) {
  const t = useTranslations("admin");
  return (
    <div className="flex flex-col gap-4">
      <ActionForm
        action={saveTemplateAction}
        hidden={{ kind: props.kind, locale: props.locale, categoryId: props.categoryId ?? "" }}
        label={t("templates.edit")}
      >
        <Editor locale={props.locale} subject={props.subject} body={props.body} />
        <div>
          <SubmitButton pendingText={t("saving")}>{t("templates.save")}</SubmitButton>
        </div>
      </ActionForm>
      {props.templateId && props.categoryId && (
        <ActionForm action={deleteTemplateAction} hidden={{ templateId: props.templateId }} label={t("templates.delete")}>
          <p className="text-sm text-slate-600">{t("templates.deleteHint")}</p>
          <div>
            <button type="submit" className={secondaryButton}>
              {t("templates.delete")}
            </button>
          </div>
        </ActionForm>
      )}
    </div>
  );
}
