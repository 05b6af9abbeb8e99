/** What a deadline says and how it looks, worked out on the server (see ./deadline.tsx); no hooks, so lists rendered in the browser show it too. */
export interface DeadlineView {
  state: "paused" | "none" | "overdue" | "atRisk" | "due";
  text: string;
  /** The exact time, as a tooltip. */
  exact?: string;
}

const LOOK: Record<DeadlineView["state"], string> = {
  paused: "text-slate-600",
  none: "text-slate-500",
  overdue: "font-semibold text-red-700",
  atRisk: "font-semibold text-amber-700",
  due: "text-slate-800",
};

// Tests and styles read these; a paused or missing deadline has none.
const MARK: Partial<Record<DeadlineView["state"], string>> = { overdue: "overdue", atRisk: "at-risk", due: "on-time" };

export function DeadlineText({ view }: { view: DeadlineView }) {
  return (
    <span className={LOOK[view.state]} title={view.exact} data-deadline={MARK[view.state]}>
      {view.text}
    </span>
  );
}
