"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { createTeamAction, renameTeamAction, setCategoryTeamAction } from "../actions";
import { named } from "@/i18n/named";
import { SelectField, TextField } from "./fields";

export function CreateTeamForm() {
  const t = useTranslations("admin");
  return (
    <ActionForm action={createTeamAction} label={t("teams.create")} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <TextField name="nameEn" idPrefix="new-team" label={t("teams.nameEn")} />
      <TextField name="nameId" idPrefix="new-team" label={t("teams.nameId")} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("teams.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RenameTeamForm({ team }: { team: { id: string; nameEn: string; nameId: string } }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const name = named(team, locale);
  return (
    <ActionForm
      action={renameTeamAction}
      hidden={{ teamId: team.id }}
      label={t("teams.rename", { name })}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <TextField name="nameEn" idPrefix={`team-${team.id}`} label={t("teams.renameLabelEn", { name })} defaultValue={team.nameEn} />
      <TextField name="nameId" idPrefix={`team-${team.id}`} label={t("teams.renameLabelId", { name })} defaultValue={team.nameId} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("teams.renameButton")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function CategoryTeamForm({
  category,
  teams,
}: {
  category: { id: string; nameEn: string; nameId: string; teamId: string | null };
  teams: { id: string; name: string }[];
}) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const name = named(category, locale);
  return (
    <ActionForm
      action={setCategoryTeamAction}
      hidden={{ categoryId: category.id }}
      label={name}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <SelectField
        name="teamId"
        idPrefix={`category-team-${category.id}`}
        label={t("teams.handledBy", { category: name })}
        defaultValue={category.teamId ?? ""}
        options={[{ value: "", label: t("noTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
      />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
