import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { bulkChangeAction } from "@/features/protocol/actions";
import { queueQueryString, type QueueFilter } from "@/features/queue/schemas";
import type { Stage } from "@/domain/stages";
import type { AttentionGroup, Grouping } from "../queries";

/** The queue's filter for exactly a group's tickets: the board's (late or unsafe) of that stage, person or team. */
function groupFilter(grouping: Grouping, key: string | null): QueueFilter {
  if (grouping === "stage") return { attention: true, stage: key as Exclude<Stage, "CLOSED"> };
  if (grouping === "agent") return { attention: true, assignee: key ?? "unassigned" };
  return { attention: true, team: key ?? "none" };
}

/**
 * Safety risks, overdue and at-risk tickets in groups, each group's most urgent few with how late each
 * is and the group's full count, linked to all of them in the queue; pick several to reassign at once.
 */
export async function Board({
  groups,
  grouping,
  now,
  staff,
}: {
  groups: AttentionGroup[];
  grouping: Grouping;
  now: Date;
  staff: { id: string; name: string }[];
}) {
  const t = await getTranslations("board");
  const stages = await getTranslations("stages");
  const format = await getFormatter();
  // Every group has its first row, which names what they share.
  const nameOf = ({ rows: [first] }: AttentionGroup) =>
    grouping === "stage"
      ? stages(first!.stage)
      : grouping === "agent"
        ? (first!.assigneeName ?? t("unassigned"))
        : (first!.teamName ?? t("noTeam"));

  // The column a grouping shares is its heading: repeated in each row it would be the same word five times.
  const shared = [
    ...(grouping === "stage" ? [] : [t("stage")]),
    ...(grouping === "agent" ? [] : [t("assignee")]),
    ...(grouping === "team" ? [] : [t("team")]),
  ];

  if (groups.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6">{t("allOnTime")}</p>;
  return (
    <ActionForm action={bulkChangeAction} hidden={{ operation: "assign" }} label={t("bulkTitle")} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3">
        <label htmlFor="bulk-assignee" className="text-sm font-medium">
          {t("reassignSelectedTo")}
        </label>
        <select id="bulk-assignee" name="assigneeId" className="rounded-md border border-slate-300 px-2 py-1.5">
          <option value="">{t("unassigned")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">
          {t("reassign")}
        </button>
      </div>
      {/* Ids by position: a group's name (an agent's, a team's) may hold spaces, which an id reference cannot. */}
      {groups.map((group, index) => (
        <section key={group.key ?? ""} aria-labelledby={`group-${index}`}>
          <DataTable
            labelledBy={`group-${index}`}
            heading={
              <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-3 py-2">
                <h2 id={`group-${index}`} className="font-semibold">
                  {nameOf(group)} <span className="font-normal text-slate-600">({group.total})</span>
                </h2>
                {group.total > group.rows.length && (
                  <Link
                    href={`/agent${queueQueryString(groupFilter(grouping, group.key))}`}
                    aria-label={t("showAllOf", { count: group.total, group: nameOf(group) })}
                    className="text-sm text-teal-800 underline"
                  >
                    {t("showAll", { count: group.total })}
                  </Link>
                )}
              </div>
            }
            columns={[{ key: "select", label: t("select"), hidden: true, className: "w-8" }, t("lateness"), t("ticket"), ...shared]}
            plainRows
          >
            {group.rows.map((r) => (
              <tr key={r.reference} data-testid="board-row" data-reference={r.reference} data-overdue={r.overdue} data-safety={r.safety}>
                <td>
                  <input
                    type="checkbox"
                    name="tickets"
                    value={`${r.id}:${r.version}`}
                    aria-label={t("selectTicket", { reference: r.reference })}
                    className="size-4"
                  />
                </td>
                <td className={`whitespace-nowrap font-semibold ${r.overdue ? "text-red-700" : r.onTime ? "" : "text-amber-700"}`}>
                  {t(r.overdue ? "overdueBy" : r.onTime ? "onTime" : "dueSoon", { relative: format.relativeTime(r.dueAt, now) })}
                </td>
                <td>
                  <Link href={`/agent/tickets/${r.reference}`} className="font-mono text-teal-800 underline">
                    {r.reference}
                  </Link>
                  <span className="block max-w-xs truncate">{r.subject}</span>
                  {r.safety && (
                    <span className="mr-1 rounded bg-red-100 px-1.5 text-xs font-semibold uppercase text-red-800">{t("safety")}</span>
                  )}
                  {(r.priority === "URGENT" || r.priority === "HIGH" || r.escalated) && (
                    <span className="text-xs font-semibold uppercase text-slate-500">
                      {[
                        r.priority === "URGENT" || r.priority === "HIGH" ? t(`priority.${r.priority}`) : null,
                        r.escalated ? t("escalated") : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  )}
                </td>
                {grouping !== "stage" && <td>{stages(r.stage)}</td>}
                {grouping !== "agent" && <td>{r.assigneeName ?? t("unassigned")}</td>}
                {grouping !== "team" && <td>{r.teamName ?? "—"}</td>}
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </ActionForm>
  );
}
