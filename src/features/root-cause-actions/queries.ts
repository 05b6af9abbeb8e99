import "server-only";
import { EFFECT_WINDOW_DAYS, effectVerdict, type EffectVerdict } from "@/domain/root-cause-effect";
import type { RootCause } from "@/domain/protocol";
import { db } from "@/server/db/prisma";

export interface RootCauseActionRow {
  id: string;
  categoryId: string;
  categoryNameEn: string;
  categoryNameId: string;
  rootCause: RootCause;
  description: string;
  ownerName: string;
  dueDate: string;
  status: "OPEN" | "DONE";
  doneAt: Date | null;
  /** Complaints of the category × root cause filed in the 90 days before it was done. */
  before: number | null;
  /** Those filed since it was done (at most 90 days), and over how many days. */
  after: number | null;
  afterDays: number | null;
  beforePer30: number | null;
  afterPer30: number | null;
  verdict: EffectVerdict;
}

type Raw = Omit<RootCauseActionRow, "verdict">;

/**
 * Every action, open ones first by due date, with its effectiveness computed from the tickets:
 * complaints of its category × root cause (merged duplicates left out) per 30 days in the 90 days
 * before it was done, against the days since (up to 90). Nothing of it is stored.
 */
export async function listRootCauseActions(now: Date): Promise<RootCauseActionRow[]> {
  const rows = await db().$queryRaw<Raw[]>`
    WITH a AS (
      SELECT a.*, CASE WHEN a."doneAt" IS NULL THEN NULL
        ELSE least(${EFFECT_WINDOW_DAYS}::float8, EXTRACT(EPOCH FROM (${now}::timestamptz - a."doneAt")) / 86400) END AS "afterDays"
      FROM "RootCauseAction" a
    ), counted AS (
      SELECT a."id",
        (SELECT count(*) FROM "Ticket" t WHERE t."categoryId" = a."categoryId" AND t."rootCause" = a."rootCause" AND t."mergedIntoId" IS NULL
          AND t."createdAt" >= a."doneAt" - make_interval(days => ${EFFECT_WINDOW_DAYS}) AND t."createdAt" < a."doneAt")::int AS "before",
        (SELECT count(*) FROM "Ticket" t WHERE t."categoryId" = a."categoryId" AND t."rootCause" = a."rootCause" AND t."mergedIntoId" IS NULL
          AND t."createdAt" >= a."doneAt" AND t."createdAt" < a."doneAt" + make_interval(secs => a."afterDays" * 86400))::int AS "after"
      FROM a WHERE a."doneAt" IS NOT NULL
    )
    SELECT a."id", a."categoryId", c."nameEn" AS "categoryNameEn", c."nameId" AS "categoryNameId", a."rootCause"::text AS "rootCause",
      a."description", u."name" AS "ownerName", to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate", a."status"::text AS "status", a."doneAt",
      k."before", k."after", round(a."afterDays"::numeric, 1)::float8 AS "afterDays",
      round(k."before" * 30.0 / ${EFFECT_WINDOW_DAYS}, 2)::float8 AS "beforePer30",
      CASE WHEN a."afterDays" > 0 THEN round((k."after" * 30.0 / a."afterDays")::numeric, 2)::float8 END AS "afterPer30"
    FROM a
    JOIN "Category" c ON c."id" = a."categoryId"
    JOIN "User" u ON u."id" = a."ownerId"
    LEFT JOIN counted k ON k."id" = a."id"
    ORDER BY a."status", a."dueDate", a."createdAt"`;
  return rows.map((r) => ({ ...r, verdict: effectVerdict(r) }));
}

/** What the record form offers: active categories and active staff. */
export async function rootCauseActionChoices() {
  const [categories, staff] = await Promise.all([
    db().category.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, nameEn: true, nameId: true },
    }),
    db().user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { categories, staff };
}
