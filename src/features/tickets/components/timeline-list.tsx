"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState, type ReactNode } from "react";

export type TimelineKind = "message" | "note" | "event";
export interface TimelineEntry {
  key: string;
  kind: TimelineKind;
  /** The entry's `<li>`, rendered on the server, carrying `data-kind`. */
  node: ReactNode;
}

const FILTERS = [
  { value: "all", label: "all", kinds: ["message", "note", "event"] },
  { value: "message", label: "messages", kinds: ["message"] },
  { value: "note", label: "notes", kinds: ["note"] },
  { value: "event", label: "events", kinds: ["event"] },
] as const;

type Filter = (typeof FILTERS)[number]["value"];

/**
 * The timeline's entries with a filter by kind: messages (the customer's and ours), internal notes,
 * or what happened to the ticket. A set of radio buttons, so arrows move between them.
 */
export function TimelineList({ entries, heading }: { entries: TimelineEntry[]; heading: ReactNode }) {
  const t = useTranslations("ticket.timelineFilter");
  const empty = useTranslations("ticket")("timelineEmpty");
  const [filter, setFilter] = useState<Filter>("all");
  const kinds: readonly TimelineKind[] = FILTERS.find((f) => f.value === filter)!.kinds;
  const shown = entries.filter((e) => kinds.includes(e.kind));
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {heading}
        <fieldset className="flex flex-wrap items-center gap-1 text-sm" data-testid="timeline-filter">
          <legend className="sr-only">{t("label")}</legend>
          {FILTERS.map((f) => (
            <label
              key={f.value}
              className="cursor-pointer rounded-full border border-slate-300 px-2.5 py-0.5 text-slate-700 has-checked:border-teal-700 has-checked:bg-teal-700 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-teal-600"
            >
              <input
                type="radio"
                name="timeline-filter"
                value={f.value}
                checked={filter === f.value}
                onChange={() => setFilter(f.value)}
                className="sr-only"
              />
              {t(f.label, { count: entries.filter((e) => (f.kinds as readonly TimelineKind[]).includes(e.kind)).length })}
            </label>
          ))}
        </fieldset>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="timeline">
          {shown.map((e) => (
            <Fragment key={e.key}>{e.node}</Fragment>
          ))}
        </ol>
      )}
    </>
  );
}
