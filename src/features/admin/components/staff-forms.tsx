"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { SubmitButton } from "@/components/submit-button";
import { ROLES } from "@/domain/roles";
import { LOCALES } from "@/i18n/locales";
import { createStaffAction, endStaffSessionsAction, resetPasswordAction, setStaffActiveAction, updateStaffAction } from "../actions";
import { SelectField, TextField } from "./fields";

interface TeamChoice {
  id: string;
  name: string;
}

function useChoices(teams: TeamChoice[]) {
  const t = useTranslations("admin");
  return {
    roles: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
    teams: [{ value: "", label: t("noTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))],
    locales: LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) })),
  };
}

export function CreateStaffForm({ teams }: { teams: TeamChoice[] }) {
  const t = useTranslations("admin");
  const choices = useChoices(teams);
  return (
    <ActionForm action={createStaffAction} label={t("staffForm.create")} className="grid gap-3 sm:grid-cols-2">
      <TextField name="name" label={t("name")} autoComplete="off" />
      <TextField name="email" label={t("email")} type="email" autoComplete="off" />
      <SelectField name="role" label={t("role")} options={choices.roles} defaultValue="AGENT" />
      <SelectField name="teamId" label={t("team")} options={choices.teams} />
      <SelectField name="locale" label={t("staffForm.locale")} options={choices.locales} defaultValue="id" />
      <TextField
        name="password"
        label={t("staffForm.initialPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("staffForm.passwordHint")}
      />
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("saving")}>{t("staffForm.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditStaffForms({
  member,
  teams,
  isSelf,
}: {
  member: { id: string; name: string; role: string; teamId: string | null; active: boolean };
  teams: TeamChoice[];
  isSelf: boolean;
}) {
  const t = useTranslations("admin");
  const choices = useChoices(teams);
  const hidden = { userId: member.id };
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="role-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="role-title" className="mb-3 font-semibold">
          {t("staffForm.roleAndTeam")}
        </h2>
        <ActionForm action={updateStaffAction} hidden={hidden} label={t("staffForm.roleAndTeam")}>
          <SelectField
            name="role"
            label={t("role")}
            options={choices.roles}
            defaultValue={member.role}
            hint={isSelf ? t("staffForm.selfHint") : undefined}
          />
          <SelectField name="teamId" label={t("team")} options={choices.teams} defaultValue={member.teamId ?? ""} />
          <div>
            <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="password-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password-title" className="mb-3 font-semibold">
          {t("staffForm.resetPassword")}
        </h2>
        <ActionForm action={resetPasswordAction} hidden={hidden} label={t("staffForm.resetPassword")}>
          <TextField
            name="password"
            label={t("staffForm.newPassword")}
            type="password"
            autoComplete="new-password"
            hint={t("staffForm.passwordHint")}
          />
          <div>
            <SubmitButton pendingText={t("saving")}>{t("staffForm.resetPassword")}</SubmitButton>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="access-title" className="rounded-lg border border-slate-200 bg-white p-4 md:col-span-2">
        <h2 id="access-title" className="mb-3 font-semibold">
          {t("staffForm.access")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{member.active ? t("staffForm.deactivateHint") : t("staffForm.reactivateHint")}</p>
        <ActionForm
          action={setStaffActiveAction}
          hidden={{ ...hidden, active: member.active ? "false" : "true" }}
          label={t("staffForm.access")}
        >
          <div>
            <SubmitButton pendingText={t("saving")}>
              {member.active ? t("staffForm.deactivate", { name: member.name }) : t("staffForm.reactivate", { name: member.name })}
            </SubmitButton>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="sessions-title" className="rounded-lg border border-slate-200 bg-white p-4 md:col-span-2">
        <h2 id="sessions-title" className="mb-3 font-semibold">
          {t("staffForm.sessions")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("staffForm.sessionsHint")}</p>
        <ActionForm action={endStaffSessionsAction} hidden={hidden} label={t("staffForm.sessions")}>
          <div>
            <SubmitButton pendingText={t("saving")}>{t("staffForm.endSessions", { name: member.name })}</SubmitButton>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
