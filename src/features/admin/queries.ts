import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { specificity } from "@/domain/resolution-proposal";
import type { TemplateKind } from "@/domain/templates";
import { db } from "@/server/db/prisma";
import { MACRO_FIELDS } from "./commands/macros";
import type { AUDIT_ENTITIES } from "./schemas";

// Plain values only: these go to client components, so Decimals become strings here.

export async function listStaff() {
  return db().user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      locale: true,
      teamId: true,
      team: { select: { nameEn: true, nameId: true } },
    },
  });
}

export function getStaffMember(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true, locale: true, teamId: true },
  });
}

export async function listTeams() {
  return db().team.findMany({
    orderBy: { nameEn: "asc" },
    select: {
      id: true,
      nameEn: true,
      nameId: true,
      _count: { select: { members: { where: { active: true } } } },
      categories: { select: { code: true } },
    },
  });
}

export async function listCategoriesForAdmin() {
  const rows = await db().category.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameId: true,
      active: true,
      sortOrder: true,
      teamId: true,
      regime: true,
      paymentServices: true,
      _count: { select: { options: true } },
    },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, optionCount: _count.options }));
}

/** The admin's settings of each regime's policy numbers, and which regimes have their calendar set up. */
export async function listRegimeSettings() {
  const [settings, calendars] = await Promise.all([
    db().regimeSetting.findMany({
      select: { regime: true, warnBeforeDays: true, acknowledgeDays: true, countsFromComplete: true, fourEyesRedressAbove: true },
    }),
    db().businessCalendar.findMany({ where: { region: { not: null } }, select: { region: true, name: true } }),
  ]);
  return { settings: settings.map((s) => ({ ...s, fourEyesRedressAbove: s.fourEyesRedressAbove?.toString() ?? null })), calendars };
}

export async function getCategoryForAdmin(categoryId: string) {
  const category = await db().category.findUnique({
    where: { id: categoryId },
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameId: true,
      active: true,
      sortOrder: true,
      options: {
        orderBy: [{ sortOrder: "asc" }, { kind: "asc" }],
        select: { id: true, kind: true, labelEn: true, labelId: true, defaultAmount: true, active: true, sortOrder: true },
      },
    },
  });
  if (!category) return null;
  return { ...category, options: category.options.map((o) => ({ ...o, defaultAmount: o.defaultAmount?.toString() ?? null })) };
}

export type AdminCategory = NonNullable<Awaited<ReturnType<typeof getCategoryForAdmin>>>;

export async function listAuthorityLimits() {
  const rows = await db().authorityLimit.findMany({ select: { role: true, maxAmount: true, currency: true } });
  return rows.map((r) => ({ role: r.role, maxAmount: r.maxAmount.toString(), currency: r.currency }));
}

/** The framework's proposal rules, most general first (as the admin reads them: the defaults, then what narrows them). */
export async function listProposals() {
  const rows = await db().resolutionProposal.findMany({
    select: {
      id: true,
      categoryId: true,
      rootCause: true,
      ask: true,
      kind: true,
      amountRule: true,
      category: { select: { code: true, nameEn: true, nameId: true, sortOrder: true } },
    },
  });
  return rows.sort(
    (a, b) =>
      (a.category?.sortOrder ?? -1) - (b.category?.sortOrder ?? -1) ||
      specificity(a) - specificity(b) ||
      (a.rootCause ?? "").localeCompare(b.rootCause ?? "") ||
      (a.ask ?? "").localeCompare(b.ask ?? ""),
  );
}

const STAGE_ORDER = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"];
const PRIORITY_ORDER = [null, "LOW", "NORMAL", "HIGH", "URGENT"];

/** Fallbacks first within each stage, then the more specific rows. */
export async function listSlaTargets() {
  const rows = await db().slaTarget.findMany({
    select: {
      id: true,
      categoryId: true,
      priority: true,
      stage: true,
      businessMinutes: true,
      atRiskPercent: true,
      category: { select: { code: true, nameEn: true, nameId: true } },
    },
  });
  return rows.sort(
    (a, b) =>
      STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) ||
      Number(a.categoryId !== null) - Number(b.categoryId !== null) ||
      (a.category?.code ?? "").localeCompare(b.category?.code ?? "") ||
      PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority),
  );
}

export async function listCalendars() {
  const rows = await db().businessCalendar.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      timeZone: true,
      isDefault: true,
      region: true,
      source: true,
      hours: { orderBy: [{ weekday: "asc" }, { opensAt: "asc" }], select: { weekday: true, opensAt: true, closesAt: true } },
      holidays: { orderBy: { date: "asc" }, select: { id: true, date: true, nameEn: true, nameId: true, projected: true } },
    },
  });
  return rows.map((c) => ({
    ...c,
    holidays: c.holidays.map((h) => ({ ...h, date: h.date.toISOString().slice(0, 10) })),
  }));
}

export async function listTemplates() {
  return db().messageTemplate.findMany({
    orderBy: [{ kind: "asc" }, { categoryId: "asc" }, { locale: "asc" }],
    select: {
      id: true,
      kind: true,
      locale: true,
      categoryId: true,
      subject: true,
      updatedAt: true,
      category: { select: { code: true, nameEn: true, nameId: true } },
    },
  });
}

export function findTemplate(key: { kind: Prisma.MessageTemplateWhereInput["kind"]; locale: "en" | "id"; categoryId: string | null }) {
  return db().messageTemplate.findFirst({
    where: { kind: key.kind, locale: key.locale, categoryId: key.categoryId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, subject: true, body: true },
  });
}

/**
 * What the template editor opens with: the template itself if it exists, else (for a category) the
 * fallback text every category shares, to start from. Null when the category does not exist.
 */
export async function loadTemplateForEditing(key: { kind: TemplateKind; locale: "en" | "id"; categoryId: string | null }) {
  const owner = key.categoryId ? await getCategoryForAdmin(key.categoryId) : null;
  if (key.categoryId && !owner) return null;
  const existing = await findTemplate(key);
  const start = existing ?? (key.categoryId ? await findTemplate({ ...key, categoryId: null }) : null);
  return { owner, existing, start };
}

export const AUDIT_PAGE_SIZE = 25;

/** Newest first, a page at a time: `before` is the last id of the previous page. */
export async function listAuditEntries(filter: { entity?: (typeof AUDIT_ENTITIES)[number]; before?: number }) {
  const rows = await db().auditLog.findMany({
    where: { entity: filter.entity, id: filter.before ? { lt: BigInt(filter.before) } : undefined },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, actorId: true, entity: true, entityId: true, action: true, before: true, after: true, createdAt: true },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  // The people who acted, and the staff changed (a role change's row records ids, not names).
  const userIds = [
    ...new Set([...page.flatMap((r) => (r.actorId ? [r.actorId] : [])), ...page.flatMap((r) => (r.entity === "User" ? [r.entityId] : []))]),
  ];
  const users = await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((a) => [a.id, a.name]));
  return {
    entries: page.map((r) => ({
      ...r,
      id: Number(r.id),
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      staffName: r.entity === "User" ? (names.get(r.entityId) ?? null) : null,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? Number(page[page.length - 1]!.id) : null,
  };
}

/** Every macro, grouped by team on the page, with the choices its form offers. */
export async function listMacrosForAdmin() {
  const prisma = db();
  const [macros, teams, categories, staff] = await Promise.all([
    prisma.macro.findMany({
      // The page sorts them again by the names in the reader's language.
      orderBy: [{ team: { nameEn: "asc" } }, { nameEn: "asc" }],
      select: { ...MACRO_FIELDS, team: { select: { nameEn: true, nameId: true } } },
    }),
    prisma.team.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameId: true } }),
    prisma.category.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, nameEn: true, nameId: true } }),
    prisma.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { macros, teams, categories, staff };
}
