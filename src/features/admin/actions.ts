"use server";

import type { z } from "zod";
import { action } from "@/lib/actions/action";
import type { AdminActor } from "./admin-change";
import * as calendars from "./commands/calendars";
import * as regimes from "./commands/regimes";
import * as categories from "./commands/categories";
import * as proposals from "./commands/proposals";
import * as macros from "./commands/macros";
import * as customFields from "./commands/custom-fields";
import * as qualityRubric from "./commands/quality-rubric";
import * as sla from "./commands/sla";
import * as staff from "./commands/staff";
import * as teams from "./commands/teams";
import * as templates from "./commands/templates";
import * as s from "./schemas";

// Each is a public POST endpoint: the pipeline checks the session and the ADMIN role first,
// and every command checks again inside its transaction.
function adminAction<S extends z.ZodType>(
  schema: S,
  command: (actor: AdminActor, input: z.infer<S>) => Promise<unknown>,
  saved: string,
  revalidate: string,
) {
  return action({
    role: "ADMIN",
    schema,
    revalidate: [revalidate, "layout"],
    run: async (input, { staff, t }) => {
      await command({ id: staff.id }, input);
      return { message: t(`admin.saved.${saved}`) };
    },
  });
}

export const createStaffAction = adminAction(s.createStaffSchema, staff.createStaff, "staffCreated", "/admin");
export const updateStaffAction = adminAction(s.updateStaffSchema, staff.updateStaff, "staffUpdated", "/admin");
export const resetPasswordAction = adminAction(s.resetPasswordSchema, staff.resetStaffPassword, "passwordReset", "/admin");
export const setStaffActiveAction = adminAction(s.setStaffActiveSchema, staff.setStaffActive, "staffActiveChanged", "/admin");
export const endStaffSessionsAction = adminAction(s.endStaffSessionsSchema, staff.endStaffSessions, "sessionsEnded", "/admin");

export const createTeamAction = adminAction(s.createTeamSchema, teams.createTeam, "teamCreated", "/admin/teams");
export const renameTeamAction = adminAction(s.renameTeamSchema, teams.renameTeam, "teamRenamed", "/admin/teams");
export const setCategoryTeamAction = adminAction(s.categoryTeamSchema, teams.setCategoryTeam, "categoryTeamChanged", "/admin/teams");

export const createCategoryAction = adminAction(s.createCategorySchema, categories.createCategory, "categoryCreated", "/admin/categories");
export const setCategoryRegimeAction = adminAction(
  s.categoryRegimeSchema,
  regimes.setCategoryRegime,
  "categoryRegimeChanged",
  "/admin/categories",
);
export const saveRegimeSettingAction = adminAction(s.regimeSettingSchema, regimes.saveRegimeSetting, "regimeSaved", "/admin/categories");
export const updateCategoryAction = adminAction(s.updateCategorySchema, categories.updateCategory, "categoryUpdated", "/admin/categories");
export const saveResolutionOptionAction = adminAction(
  s.resolutionOptionSchema,
  categories.saveResolutionOption,
  "optionSaved",
  "/admin/categories",
);
export const setAuthorityLimitAction = adminAction(
  s.authorityLimitSchema,
  categories.setAuthorityLimit,
  "authoritySaved",
  "/admin/categories",
);
export const saveProposalAction = adminAction(s.proposalSchema, proposals.saveProposal, "proposalSaved", "/admin/categories");
export const deleteProposalAction = adminAction(s.deleteProposalSchema, proposals.deleteProposal, "proposalDeleted", "/admin/categories");

export const createCustomFieldAction = adminAction(
  s.createCustomFieldSchema,
  customFields.createCustomField,
  "fieldCreated",
  "/admin/categories",
);
export const updateCustomFieldAction = adminAction(
  s.updateCustomFieldSchema,
  customFields.updateCustomField,
  "fieldUpdated",
  "/admin/categories",
);

export const saveSlaTargetAction = adminAction(s.slaTargetSchema, sla.saveSlaTarget, "targetSaved", "/admin/sla");
export const deleteSlaTargetAction = adminAction(s.deleteSlaTargetSchema, sla.deleteSlaTarget, "targetDeleted", "/admin/sla");

export const updateCalendarAction = adminAction(s.calendarSchema, calendars.updateCalendar, "calendarSaved", "/admin/calendars");
export const addHolidayAction = adminAction(s.holidaySchema, calendars.addHoliday, "holidayAdded", "/admin/calendars");
export const removeHolidayAction = adminAction(s.removeHolidaySchema, calendars.removeHoliday, "holidayRemoved", "/admin/calendars");

export const saveTemplateAction = adminAction(s.templateSchema, templates.saveTemplate, "templateSaved", "/admin/templates");
export const deleteTemplateAction = adminAction(s.deleteTemplateSchema, templates.deleteTemplate, "templateDeleted", "/admin/templates");

export const saveMacroAction = adminAction(s.saveMacroSchema, macros.saveMacro, "macroSaved", "/admin/macros");

export const saveQualityCriterionAction = adminAction(
  s.qualityCriterionSchema,
  qualityRubric.saveQualityCriterion,
  "criterionSaved",
  "/admin/quality",
);
