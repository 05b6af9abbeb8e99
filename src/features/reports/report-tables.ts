import type { ReportColumn, ReportId, ReportRow, ReportTable } from "@/domain/reports/table";
import type { BacklogRow, EscalationRow, RecurrenceRow, ReportRows, ResolutionRow, SatisfactionRow, SlaRow, TimeRow } from "./queries";

// The rows PostgreSQL returned, as the tables the page shows and the CSV holds. Only labels are
// chosen here (in the reader's language); every figure is passed on as the database computed it.

export interface ReportText {
  locale: string;
  /** A message of the "reports" namespace. */
  t: (key: string) => string;
  /** A stage's name. */
  stage: (stage: string) => string;
}

const col = (key: string, label: string, kind: ReportColumn["kind"]): ReportColumn => ({ key, label, kind });
const categoryName = (text: ReportText, row: { nameEn: string | null; nameId: string | null }) =>
  (text.locale === "id" ? row.nameId : row.nameEn) ?? "";

function slaTable(rows: SlaRow[], text: ReportText): ReportTable {
  const { t } = text;
  return {
    id: "sla",
    columns: [
      col("stage", t("columns.stage"), "text"),
      col("started", t("columns.timersStarted"), "count"),
      col("met", t("columns.met"), "count"),
      col("breached", t("columns.breached"), "count"),
      col("running", t("columns.running"), "count"),
      col("metPercent", t("columns.metPercent"), "percent"),
    ],
    rows: rows.map((r): ReportRow => ({
      key: r.stage ?? "total",
      total: r.stage === null,
      cells: [r.stage === null ? t("allStages") : text.stage(r.stage), r.started, r.met, r.breached, r.running, r.metPercent],
    })),
  };
}

function timeTable(rows: TimeRow[], text: ReportText): ReportTable {
  const { t } = text;
  return {
    id: "time",
    columns: [
      col("stage", t("columns.stage"), "text"),
      col("fulfilled", t("columns.fulfilled"), "count"),
      col("medianHours", t("columns.medianHours"), "hours"),
      col("p90Hours", t("columns.p90Hours"), "hours"),
      col("businessMedianHours", t("columns.businessMedianHours"), "hours"),
      col("businessP90Hours", t("columns.businessP90Hours"), "hours"),
    ],
    rows: rows.map((r) => ({
      key: r.stage,
      cells: [text.stage(r.stage), r.fulfilled, r.medianHours, r.p90Hours, r.businessMedianHours, r.businessP90Hours],
    })),
  };
}

function backlogTable(rows: BacklogRow[], text: ReportText): ReportTable {
  const { t } = text;
  return {
    id: "backlog",
    columns: [
      col("stage", t("columns.stage"), "text"),
      col("under1", t("columns.under1"), "count"),
      col("from1to3", t("columns.from1to3"), "count"),
      col("from3to7", t("columns.from3to7"), "count"),
      col("from7to30", t("columns.from7to30"), "count"),
      col("over30", t("columns.over30"), "count"),
      col("total", t("columns.total"), "count"),
    ],
    rows: rows.map((r) => ({
      key: r.stage ?? "total",
      total: r.stage === null,
      cells: [r.stage === null ? t("allStages") : text.stage(r.stage), r.under1, r.from1to3, r.from3to7, r.from7to30, r.over30, r.total],
    })),
  };
}

function satisfactionTable(rows: SatisfactionRow[], text: ReportText): ReportTable {
  const { t } = text;
  return {
    id: "satisfaction",
    columns: [
      col("category", t("columns.category"), "text"),
      col("rated", t("columns.rated"), "count"),
      col("averageRating", t("columns.averageRating"), "rating"),
      col("trustAnswered", t("columns.trustAnswered"), "count"),
      col("trustPercent", t("columns.trustPercent"), "percent"),
    ],
    rows: rows.map((r) => ({
      key: r.isTotal ? "total" : (r.code ?? ""),
      total: r.isTotal,
      cells: [r.isTotal ? t("allCategories") : categoryName(text, r), r.rated, r.averageRating, r.trustAnswered, r.trustPercent],
    })),
  };
}

function resolutionsTable(rows: ResolutionRow[], text: ReportText): ReportTable {
  const { t } = text;
  const resolution = (r: ResolutionRow) => {
    if (r.isTotal) return t("allResolutions");
    if (r.kind === null) return t("noResolution");
    return (text.locale === "id" ? r.labelId : r.labelEn) ?? r.kind;
  };
  return {
    id: "resolutions",
    columns: [
      col("category", t("columns.category"), "text"),
      col("resolution", t("columns.resolution"), "text"),
      col("currency", t("columns.currency"), "text"),
      col("tickets", t("columns.tickets"), "count"),
      col("withAmount", t("columns.withAmount"), "count"),
      col("paid", t("columns.paid"), "money"),
    ],
    rows: rows.map((r) => ({
      key: r.isTotal ? `total-${r.currency}` : `${r.code}-${r.kind ?? "none"}-${r.currency}`,
      total: r.isTotal,
      currency: r.currency,
      cells: [r.isTotal ? t("allCategories") : categoryName(text, r), resolution(r), r.currency, r.tickets, r.withAmount, r.paid],
    })),
  };
}

function recurrenceTable(rows: RecurrenceRow[], text: ReportText): ReportTable {
  const { t } = text;
  return {
    id: "recurrence",
    columns: [
      col("category", t("columns.category"), "text"),
      col("cause", t("columns.rootCause"), "text"),
      col("thisPeriod", t("columns.thisPeriod"), "count"),
      col("previousPeriod", t("columns.previousPeriod"), "count"),
      col("change", t("columns.change"), "change"),
      col("actions", t("columns.preventiveActions"), "list"),
    ],
    rows: rows.map((r) => ({
      key: `${r.code}-${r.cause}`,
      cells: [categoryName(text, r), t(`rootCauses.${r.cause}`), r.thisPeriod, r.previousPeriod, r.change, r.actions],
    })),
  };
}

function escalationsTable(rows: EscalationRow[], text: ReportText): ReportTable {
  const { t } = text;
  return {
    id: "escalations",
    columns: [
      col("source", t("columns.escalationSource"), "text"),
      col("escalated", t("columns.escalated"), "count"),
      col("settled", t("columns.settled"), "count"),
      col("medianHours", t("columns.medianHoursToSettle"), "hours"),
      col("p90Hours", t("columns.p90HoursToSettle"), "hours"),
      col("waiting", t("columns.awaitingSettlement"), "count"),
    ],
    rows: rows.map((r) => ({
      key: r.source ?? "total",
      total: r.source === null,
      cells: [
        r.source === null ? t("allSources") : t(`escalationSources.${r.source}`),
        r.escalated,
        r.settled,
        r.medianHours,
        r.p90Hours,
        r.waiting,
      ],
    })),
  };
}

const BUILDERS: { [K in ReportId]: (rows: ReportRows[K], text: ReportText) => ReportTable } = {
  sla: slaTable,
  time: timeTable,
  backlog: backlogTable,
  satisfaction: satisfactionTable,
  resolutions: resolutionsTable,
  recurrence: recurrenceTable,
  escalations: escalationsTable,
};

export function reportTable<K extends ReportId>(id: K, rows: ReportRows[K], text: ReportText): ReportTable {
  return BUILDERS[id](rows, text);
}
