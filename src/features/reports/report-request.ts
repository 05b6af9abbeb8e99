import "server-only";
import { listReportFilterOptions, type ReportFilterOptions } from "./queries";
import { parseReportParams, type ParsedReportParams } from "./schemas";

export interface ReportRequest {
  parsed: ParsedReportParams;
  options: ReportFilterOptions;
}

/** What a request's search params ask the reports for, checked against the filters that exist. */
export async function resolveReportRequest(
  searchParams: Record<string, string | string[] | undefined>,
  locale: string,
  now: Date,
): Promise<ReportRequest> {
  const options = await listReportFilterOptions(locale);
  const parsed = parseReportParams(
    searchParams,
    {
      categoryCodes: options.categories.map((c) => c.code),
      teamIds: options.teams.map((t) => t.id),
      agentIds: options.agents.map((a) => a.id),
    },
    now,
  );
  return { parsed, options };
}
