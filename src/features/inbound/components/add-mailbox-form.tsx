"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { CheckboxField, TextField } from "@/features/admin/components/fields";
import { addMailboxAction } from "../actions";

export function AddMailboxForm() {
  const t = useTranslations("inbound");
  return (
    <ActionForm action={addMailboxAction} label={t("addTitle")} className="grid gap-3 sm:grid-cols-2">
      <h2 className="text-lg font-semibold sm:col-span-2">{t("addTitle")}</h2>
      <TextField name="name" idPrefix="mailbox" label={t("name")} />
      <TextField name="address" idPrefix="mailbox" type="email" label={t("address")} hint={t("addressHint")} />
      <TextField name="host" idPrefix="mailbox" label={t("host")} />
      <TextField name="port" idPrefix="mailbox" inputMode="numeric" label={t("port")} defaultValue={993} />
      <TextField name="username" idPrefix="mailbox" label={t("username")} autoComplete="off" />
      <TextField
        name="password"
        idPrefix="mailbox"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
      />
      <TextField name="folder" idPrefix="mailbox" label={t("folder")} defaultValue="INBOX" />
      <CheckboxField name="tls" idPrefix="mailbox" label={t("tls")} defaultChecked />
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("adding")}>{t("add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
