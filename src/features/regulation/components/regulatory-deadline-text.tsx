import { DeadlineText, type DeadlineView } from "@/components/deadline-text";

/** A regulatory deadline as worked out on the server (./regulatory-deadline.tsx): the regime's label, then the time left. */
export interface RegulatoryDeadlineView {
  regime: string;
  label: string;
  deadline: DeadlineView;
}

export function RegulatoryDeadlineText({ view }: { view: RegulatoryDeadlineView }) {
  return (
    <span className="flex flex-wrap items-baseline gap-1 text-xs" data-regulatory-deadline={view.regime}>
      <span className="font-semibold text-slate-600">{view.label}</span>
      <DeadlineText view={view.deadline} />
    </span>
  );
}
