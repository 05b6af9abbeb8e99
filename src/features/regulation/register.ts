import "server-only";
import { DateTime } from "luxon";
import { createTranslator } from "use-intl/core";
import { REPORT_TIME_ZONE } from "@/domain/reports/date-range";
import { REGIMES } from "@/domain/regulation/regimes";
import type { ReportColumn, ReportTable } from "@/domain/reports/table";
import { db } from "@/server/db/prisma";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import {
  asicIdrStatement,
  fcaReturnStatement,
  ojkReturnStatement,
  registerStatement,
  type AsicIdrRow,
  type FcaReturnRow,
  type OjkReturnRow,
  type Period,
  type RegisterRow,
  type VulnerabilityComparisonRow,
  vulnerabilityComparisonStatement,
} from "./register-sql";
import type { RegisterFilter, ReturnKind } from "./register-schemas";

export const REGISTER_PAGE_SIZE = 100;
const CSV_BATCH = 2_000;

/** The labels of the register and the returns in a language, from the catalogues (page, CSV and tests alike). */
function text(locale: string) {
  const messages = locale === "id" ? id : en;
  const t = createTranslator({ locale, messages, namespace: "regulation" });
  const stages = createTranslator({ locale, messages, namespace: "stages" });
  const label = (key: string) => t(key as never);
  return {
    t: label,
    stage: (stage: string) => stages(stage as never),
    rootCause: (cause: string | null) => (cause ? label(`rootCauses.${cause}`) : label("notRecorded")),
    outcome: (outcome: string | null) => (outcome ? label(`outcomes.${outcome}`) : ""),
    regime: (code: string) => label(`regimes.${code}`),
  };
}

const col = (key: string, label: string, kind: ReportColumn["kind"]): ReportColumn => ({ key, label, kind });
const when = (at: Date | null) => (at ? DateTime.fromJSDate(at, { zone: REPORT_TIME_ZONE }).toFormat("yyyy-MM-dd HH:mm") : "");
const day = (at: Date | null) => (at ? DateTime.fromJSDate(at, { zone: REPORT_TIME_ZONE }).toISODate()! : "");
const reference = (n: number) => `TGP-${String(n).padStart(6, "0")}`;

export function registerTable(rows: RegisterRow[], locale: string): ReportTable {
  const x = text(locale);
  return {
    id: "register",
    columns: [
      col("reference", x.t("columns.reference"), "text"),
      col("received", x.t("columns.received"), "text"),
      col("product", x.t("columns.product"), "text"),
      col("regime", x.t("columns.regime"), "text"),
      col("status", x.t("columns.status"), "text"),
      col("rootCause", x.t("columns.rootCause"), "text"),
      col("outcome", x.t("columns.outcome"), "text"),
      col("redress", x.t("columns.redress"), "money"),
      col("goodwill", x.t("columns.goodwill"), "money"),
      col("closed", x.t("columns.closed"), "text"),
      col("daysOpen", x.t("columns.daysOpen"), "count"),
      col("deadline", x.t("columns.deadline"), "text"),
      col("breached", x.t("columns.breached"), "text"),
      col("external", x.t("columns.external"), "text"),
    ],
    rows: rows.map((r) => ({
      key: String(r.number),
      currency: r.currency,
      cells: [
        reference(r.number),
        when(r.receivedAt),
        locale === "id" ? r.categoryNameId : r.categoryNameEn,
        x.regime(r.regime),
        x.stage(r.stage),
        x.rootCause(r.rootCause),
        x.outcome(r.outcome),
        Number(r.redress),
        Number(r.goodwill),
        when(r.closedAt),
        r.daysOpen,
        when(r.regulatoryDueAt),
        when(r.regulatoryBreachedAt),
        r.external ?? "",
      ],
    })),
  };
}

/** One page of the register and the cursor of the next, if there is one. */
export async function readRegisterPage(
  filter: RegisterFilter,
  now: Date,
  locale: string,
  before?: number,
): Promise<{ table: ReportTable; next: number | null }> {
  const rows = await db().$queryRaw<RegisterRow[]>(registerStatement(filter, now, REGISTER_PAGE_SIZE + 1, before));
  const more = rows.length > REGISTER_PAGE_SIZE;
  const shown = rows.slice(0, REGISTER_PAGE_SIZE);
  return { table: registerTable(shown, locale), next: more ? shown[shown.length - 1]!.number : null };
}

/**
 * The whole filtered register, batch by batch along the same keyset as the pages, so a year of
 * complaints streams as CSV without being held in memory.
 */
export async function* registerBatches(filter: RegisterFilter, now: Date, locale: string): AsyncGenerator<ReportTable> {
  let before: number | undefined;
  for (;;) {
    const rows = await db().$queryRaw<RegisterRow[]>(registerStatement(filter, now, CSV_BATCH, before));
    if (rows.length === 0) return;
    yield registerTable(rows, locale);
    if (rows.length < CSV_BATCH) return;
    before = rows[rows.length - 1]!.number;
  }
}

const categoryCell = (
  r: { categoryCode: string | null; categoryNameEn: string | null; categoryNameId: string | null },
  locale: string,
  total: string,
) => (r.categoryCode === null ? total : ((locale === "id" ? r.categoryNameId : r.categoryNameEn) ?? ""));

function ojkTable(rows: OjkReturnRow[], locale: string): ReportTable {
  const x = text(locale);
  return {
    id: "return-ojk",
    columns: [
      col("product", x.t("columns.product"), "text"),
      col("type", x.t("columns.type"), "text"),
      col("received", x.t("columns.receivedCount"), "count"),
      col("resolved", x.t("columns.resolved"), "count"),
      col("inProcess", x.t("columns.inProcess"), "count"),
      col("unresolved", x.t("columns.unresolved"), "count"),
      col("medianDays", x.t("columns.medianDaysToResolve"), "hours"),
      col("compensation", x.t("columns.compensation"), "money"),
    ],
    rows: rows.map((r) => ({
      key: `${r.categoryCode ?? "total"}-${r.rootCause ?? ""}`,
      total: r.categoryCode === null,
      currency: "IDR",
      cells: [
        categoryCell(r, locale, x.t("total")),
        r.categoryCode === null ? "" : x.rootCause(r.rootCause),
        r.received,
        r.resolved,
        r.inProcess,
        r.unresolved,
        r.medianDaysToResolve === null ? null : Math.round(r.medianDaysToResolve * 10) / 10,
        Number(r.compensation),
      ],
    })),
  };
}

function fcaTable(rows: FcaReturnRow[], locale: string): ReportTable {
  const x = text(locale);
  return {
    id: "return-fca",
    columns: [
      col("productGroup", x.t("columns.productGroup"), "text"),
      col("cause", x.t("columns.cause"), "text"),
      col("opened", x.t("columns.opened"), "count"),
      col("closed", x.t("columns.closedCount"), "count"),
      col("within3", x.t("columns.closedWithin3Days"), "count"),
      col("within8Weeks", x.t("columns.closedWithin8Weeks"), "count"),
      col("later", x.t("columns.closedLater"), "count"),
      col("upheld", x.t("columns.upheld"), "count"),
      col("upheldPercent", x.t("columns.upheldPercent"), "percent"),
      col("redressPaid", x.t("columns.redressPaid"), "money"),
    ],
    rows: rows.map((r) => ({
      key: `${r.categoryCode ?? "total"}-${r.rootCause ?? ""}`,
      total: r.categoryCode === null,
      currency: "GBP",
      cells: [
        categoryCell(r, locale, x.t("total")),
        r.categoryCode === null ? "" : x.rootCause(r.rootCause),
        r.opened,
        r.closed,
        r.closedWithin3Days,
        r.closedWithin8Weeks,
        r.closedLater,
        r.upheld,
        r.upheldPercent,
        Number(r.redressPaid),
      ],
    })),
  };
}

// ASIC's IDR data dictionary names its fields in English whatever the reader's language: the file is
// for the regulator's system, so its header is the dictionary's, not a translation.
function asicTable(rows: AsicIdrRow[]): ReportTable {
  return {
    id: "return-asic",
    columns: [
      col("complaint_id", "complaint_id", "text"),
      col("date_received", "date_received", "text"),
      col("date_closed", "date_closed", "text"),
      col("status", "status", "text"),
      col("product", "product", "text"),
      col("issue", "issue", "text"),
      col("outcome", "outcome", "text"),
      col("financial_compensation", "financial_compensation", "money"),
      col("days_to_close", "days_to_close", "count"),
      col("referred_to_afca", "referred_to_afca", "text"),
    ],
    rows: rows.map((r) => ({
      key: String(r.number),
      currency: r.currency,
      cells: [
        reference(r.number),
        day(r.receivedAt),
        day(r.closedAt),
        r.stage === "CLOSED" ? "closed" : "open",
        r.categoryCode,
        r.rootCause ?? "",
        r.outcome ?? "",
        Number(r.compensation),
        r.daysToClose,
        r.referredToAfca ? "Y" : "N",
      ],
    })),
  };
}

/** The calendar the FCA regime counts its business days on (England and Wales, seeded by region). */
async function fcaCalendarId(): Promise<string> {
  const region = REGIMES.FCA.calendar!;
  const calendar = await db().businessCalendar.findUnique({ where: { region }, select: { id: true } });
  if (!calendar)
    throw new Error(`The ${region} business calendar is missing: an admin must add it before the FCA return can count business days.`);
  return calendar.id;
}

/** A regulator's return for a period, as the table its page shows and its CSV holds. */
export async function readReturn(kind: ReturnKind, period: Period, locale: string): Promise<ReportTable> {
  if (kind === "ojk") return ojkTable(await db().$queryRaw<OjkReturnRow[]>(ojkReturnStatement(period)), locale);
  if (kind === "fca") return fcaTable(await db().$queryRaw<FcaReturnRow[]>(fcaReturnStatement(period, await fcaCalendarId())), locale);
  return asicTable(await db().$queryRaw<AsicIdrRow[]>(asicIdrStatement(period)));
}

/** Complaints of customers flagged vulnerable beside the others, for the register's filter. */
export async function readVulnerabilityComparison(filter: RegisterFilter, now: Date, locale: string): Promise<ReportTable> {
  const rows = await db().$queryRaw<VulnerabilityComparisonRow[]>(vulnerabilityComparisonStatement(filter, now));
  const messages = locale === "id" ? id : en;
  const t = createTranslator({ locale, messages, namespace: "vulnerability.report" });
  const label = (key: string) => t(key as never);
  return {
    id: "vulnerability",
    columns: [
      col("group", label("group"), "text"),
      col("received", label("received"), "count"),
      col("closed", label("closed"), "count"),
      col("upheldPercent", label("upheldPercent"), "percent"),
      col("medianDaysToClose", label("medianDaysToClose"), "hours"),
      col("breached", label("breached"), "count"),
    ],
    rows: rows.map((r) => ({
      key: r.flagged ? "flagged" : "others",
      cells: [
        label(r.flagged ? "flagged" : "others"),
        r.received,
        r.closed,
        r.upheldPercent,
        r.medianDaysToClose === null ? null : Math.round(r.medianDaysToClose * 10) / 10,
        r.breached,
      ],
    })),
  };
}
