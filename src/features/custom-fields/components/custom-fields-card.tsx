"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm, useActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { describeAnswers, echoedAnswers, fieldsToFill, type CustomFieldAnswers, type CustomFieldDefinition } from "@/domain/custom-fields";
import { saveInternalAnswersAction } from "../actions";
import { CustomFieldInputs } from "./custom-field-inputs";

interface Props {
  ticket: {
    id: string;
    version: number;
    category: { code: string };
    customFields: CustomFieldAnswers;
    fieldDefinitions: CustomFieldDefinition[];
  };
}

/**
 * The workspace's custom fields: every answer the ticket holds (the customer's, staff's, and any
 * kept from an archived field or a retired option, marked so), and the form for the internal
 * fields of its category.
 */
export function CustomFieldsCard({ ticket }: Props) {
  const t = useTranslations("customFields");
  const locale = useLocale();
  const answers = describeAnswers(ticket.fieldDefinitions, ticket.customFields, locale, "staff");
  const internal = fieldsToFill(ticket.fieldDefinitions, ticket.category.code, "staff");
  if (answers.length === 0 && internal.length === 0) return null;
  return (
    <section aria-labelledby="custom-fields-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="custom-fields-title" className="font-semibold">
        {t("title")}
      </h2>
      {answers.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1" data-testid="custom-field-answers">
          {answers.map((answer) => (
            <div key={answer.key} className="contents" data-testid={`custom-field-${answer.key}`}>
              <dt className="font-medium text-slate-600">
                {answer.label}
                {!answer.customerFacing && <span className="ml-1 font-normal text-slate-500">({t("internal")})</span>}
                {answer.archived && <span className="ml-1 font-normal text-slate-500">({t("archived")})</span>}
              </dt>
              <dd>
                {answer.values.map((v, i) => (
                  <span key={i}>
                    {i > 0 && ", "}
                    {v.text}
                    {v.retired && <span className="ml-1 text-slate-500">({t("retired")})</span>}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {internal.length > 0 && (
        <ActionForm
          action={saveInternalAnswersAction}
          hidden={{ ticketId: ticket.id, version: ticket.version, category: ticket.category.code }}
          label={t("internalForm")}
          className="flex flex-col gap-3"
        >
          <InternalInputs fields={internal} stored={ticket.customFields} />
          <div>
            <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
          </div>
        </ActionForm>
      )}
    </section>
  );
}

function InternalInputs({ fields, stored }: { fields: CustomFieldDefinition[]; stored: CustomFieldAnswers }) {
  const { errors, values } = useActionForm();
  const refused = Object.keys(values).length > 0;
  const shown = refused ? echoedAnswers(values) : stored;
  return <CustomFieldInputs fields={fields} errors={errors} values={shown} idPrefix="internal-cf" />;
}
