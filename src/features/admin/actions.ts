"use server";

import * as calendars from "./commands/calendars";
import * as categories from "./commands/categories";
import * as sla from "./commands/sla";
import * as staff from "./commands/staff";
import * as teams from "./commands/teams";
import * as templates from "./commands/templates";
import { runAdminAction, type AdminActionState } from "./run-admin-action";
import * as s from "./schemas";

// Each is a public POST endpoint: runAdminAction checks the session and the ADMIN role first,
// and every command checks again inside its transaction.
type Action = (previous: AdminActionState, formData: FormData) => Promise<AdminActionState>;

export const createStaffAction: Action = async (_p, f) =>
  runAdminAction(s.createStaffSchema, f, staff.createStaff, { message: "staffCreated", revalidate: "/admin" });
export const updateStaffAction: Action = async (_p, f) =>
  runAdminAction(s.updateStaffSchema, f, staff.updateStaff, { message: "staffUpdated", revalidate: "/admin" });
export const resetPasswordAction: Action = async (_p, f) =>
  runAdminAction(s.resetPasswordSchema, f, staff.resetStaffPassword, { message: "passwordReset", revalidate: "/admin" });
export const setStaffActiveAction: Action = async (_p, f) =>
  runAdminAction(s.setStaffActiveSchema, f, staff.setStaffActive, { message: "staffActiveChanged", revalidate: "/admin" });
export const endStaffSessionsAction: Action = async (_p, f) =>
  runAdminAction(s.endStaffSessionsSchema, f, staff.endStaffSessions, { message: "sessionsEnded", revalidate: "/admin" });

export const createTeamAction: Action = async (_p, f) =>
  runAdminAction(s.createTeamSchema, f, teams.createTeam, { message: "teamCreated", revalidate: "/admin/teams" });
export const renameTeamAction: Action = async (_p, f) =>
  runAdminAction(s.renameTeamSchema, f, teams.renameTeam, { message: "teamRenamed", revalidate: "/admin/teams" });
export const setCategoryTeamAction: Action = async (_p, f) =>
  runAdminAction(s.categoryTeamSchema, f, teams.setCategoryTeam, { message: "categoryTeamChanged", revalidate: "/admin/teams" });

export const createCategoryAction: Action = async (_p, f) =>
  runAdminAction(s.createCategorySchema, f, categories.createCategory, { message: "categoryCreated", revalidate: "/admin/categories" });
export const updateCategoryAction: Action = async (_p, f) =>
  runAdminAction(s.updateCategorySchema, f, categories.updateCategory, { message: "categoryUpdated", revalidate: "/admin/categories" });
export const saveResolutionOptionAction: Action = async (_p, f) =>
  runAdminAction(s.resolutionOptionSchema, f, categories.saveResolutionOption, { message: "optionSaved", revalidate: "/admin/categories" });
export const setAuthorityLimitAction: Action = async (_p, f) =>
  runAdminAction(s.authorityLimitSchema, f, categories.setAuthorityLimit, { message: "authoritySaved", revalidate: "/admin/categories" });

export const saveSlaTargetAction: Action = async (_p, f) =>
  runAdminAction(s.slaTargetSchema, f, sla.saveSlaTarget, { message: "targetSaved", revalidate: "/admin/sla" });
export const deleteSlaTargetAction: Action = async (_p, f) =>
  runAdminAction(s.deleteSlaTargetSchema, f, sla.deleteSlaTarget, { message: "targetDeleted", revalidate: "/admin/sla" });

export const updateCalendarAction: Action = async (_p, f) =>
  runAdminAction(s.calendarSchema, f, calendars.updateCalendar, { message: "calendarSaved", revalidate: "/admin/calendars" });
export const addHolidayAction: Action = async (_p, f) =>
  runAdminAction(s.holidaySchema, f, calendars.addHoliday, { message: "holidayAdded", revalidate: "/admin/calendars" });
export const removeHolidayAction: Action = async (_p, f) =>
  runAdminAction(s.removeHolidaySchema, f, calendars.removeHoliday, { message: "holidayRemoved", revalidate: "/admin/calendars" });

export const saveTemplateAction: Action = async (_p, f) =>
  runAdminAction(s.templateSchema, f, templates.saveTemplate, { message: "templateSaved", revalidate: "/admin/templates" });
export const deleteTemplateAction: Action = async (_p, f) =>
  runAdminAction(s.deleteTemplateSchema, f, templates.deleteTemplate, { message: "templateDeleted", revalidate: "/admin/templates" });
