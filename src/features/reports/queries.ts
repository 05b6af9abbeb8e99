import "server-only";
import type { ReportId } from "@/domain/reports/table";
import { named } from "@/i18n/named";
import { readOnReplica } from "@/server/db/replicas";
import { reportSql, type ReportFilter, type ReportWindow } from "./report-sql";

export interface SlaRow {
  /** null: the total over every stage. */
  stage: string | null;
  started: number;
  met: number;
  breached: number;
  running: number;
  metPercent: number | null;
}

export interface TimeRow {
  stage: string;
  fulfilled: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** The same in business time, as the SLA counts it. */
  businessMedianHours: number | null;
  businessP90Hours: number | null;
}

export interface BacklogRow {
  stage: string | null;
  under1: number;
  from1to3: number;
  from3to7: number;
  from7to30: number;
  over30: number;
  total: number;
}

export interface SatisfactionRow {
  code: string | null;
  nameEn: string | null;
  nameId: string | null;
  isTotal: boolean;
  rated: number;
  averageRating: number | null;
  trustAnswered: number;
  trustPercent: number | null;
}

export interface ResolutionRow {
  code: string | null;
  nameEn: string | null;
  nameId: string | null;
  /** null on a closed ticket without a recorded resolution, and on the totals. */
  kind: string | null;
  labelEn: string | null;
  labelId: string | null;
  currency: string;
  isTotal: boolean;
  tickets: number;
  withAmount: number;
  /** Decimal as text, two places. */
  paid: string;
}

export interface RecurrenceRow {
  code: string;
  nameEn: string;
  nameId: string;
  cause: string;
  thisPeriod: number;
  previousPeriod: number;
  change: number;
  actions: string[];
}

export interface EscalationRow {
  /** AGENT, DISPUTE, SAFETY or BREACH; null: the total. */
  source: string | null;
  escalated: number;
  settled: number;
  medianHours: number | null;
  p90Hours: number | null;
  waiting: number;
}

export interface ReportRows {
  sla: SlaRow[];
  time: TimeRow[];
  backlog: BacklogRow[];
  satisfaction: SatisfactionRow[];
  resolutions: ResolutionRow[];
  recurrence: RecurrenceRow[];
  escalations: EscalationRow[];
}

/** One report's rows, aggregated by PostgreSQL, in the order the table shows them. */
export async function readReport<K extends ReportId>(id: K, filter: ReportFilter, window: ReportWindow): Promise<ReportRows[K]> {
  return readOnReplica((db) => db.$queryRaw<ReportRows[K]>(reportSql(id, filter, window)));
}

export interface ReportFilterOptions {
  categories: { code: string; name: string }[];
  teams: { id: string; name: string }[];
  agents: { id: string; name: string }[];
}

/** What the filters offer: every category and team, and every staff member (deactivated ones too: their tickets remain). */
export async function listReportFilterOptions(locale: string): Promise<ReportFilterOptions> {
  const [categories, teams, agents] = await readOnReplica((db) =>
    Promise.all([
      db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, nameEn: true, nameId: true } }),
      db.team.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameId: true } }),
      db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true } }),
    ]),
  );
  return {
    categories: categories.map((c) => ({ code: c.code, name: named(c, locale) })),
    teams: teams.map((team) => ({ id: team.id, name: named(team, locale) })),
    agents,
  };
}
