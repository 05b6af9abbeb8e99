// The shape of the generated helpdesk: how many of what, and in which proportions. Plain data and
// pure helpers, so the proportions can be checked without a database; generate.ts turns them into SQL.

export interface Weighted<T extends string> {
  value: T;
  weight: number;
}

export interface BenchScale {
  tickets: number;
  /** Tickets are spread evenly over this many days before now. */
  days: number;
  agents: number;
  teams: number;
  supervisors: number;
  /** Distinct customers; the rest of the tickets come from returning customers. */
  customers: number;
}

export const FULL_SCALE: BenchScale = { tickets: 1_000_000, days: 730, agents: 50, teams: 5, supervisors: 5, customers: 700_000 };
export const QUICK_SCALE: BenchScale = { tickets: 50_000, days: 730, agents: 50, teams: 5, supervisors: 5, customers: 35_000 };
// The same helpdesk with a tenth of the history (and so a tenth of the open work): beside the full
// scale, it shows which costs grow with the tickets.
export const GROWTH_SCALE: BenchScale = { tickets: 100_000, days: 730, agents: 50, teams: 5, supervisors: 5, customers: 70_000 };

export const CATEGORY_MIX: Weighted<"PRODUCT_RETURN" | "SERVICE_PROBLEM" | "PAYMENT_PROBLEM" | "OTHER">[] = [
  { value: "PRODUCT_RETURN", weight: 45 },
  { value: "SERVICE_PROBLEM", weight: 25 },
  { value: "PAYMENT_PROBLEM", weight: 22 },
  { value: "OTHER", weight: 8 },
];

export const PRIORITY_MIX: Weighted<"LOW" | "NORMAL" | "HIGH" | "URGENT">[] = [
  { value: "LOW", weight: 10 },
  { value: "NORMAL", weight: 70 },
  { value: "HIGH", weight: 15 },
  { value: "URGENT", weight: 5 },
];

/**
 * How likely a ticket is still open, by its age in days: nearly all of the last two days, a third
 * of the last fortnight, a few stragglers older than that. At 1M tickets this is about 16k open.
 */
export const OPEN_BY_AGE: { maxAgeDays: number; share: number }[] = [
  { maxAgeDays: 2, share: 0.9 },
  { maxAgeDays: 14, share: 0.35 },
  { maxAgeDays: 60, share: 0.08 },
  { maxAgeDays: Infinity, share: 0.003 },
];

/** Where open tickets stand on their current clock. */
export const CLOCK_MIX: Weighted<"onTrack" | "atRisk" | "overdue" | "waiting">[] = [
  { value: "onTrack", weight: 70 },
  { value: "atRisk", weight: 12 },
  { value: "overdue", weight: 10 },
  { value: "waiting", weight: 8 },
];

/** Open tickets per stage (NEW is mostly the freshest; see generate.ts). */
export const OPEN_STAGE_MIX: Weighted<"NEW" | "LISTEN" | "UNDERSTAND" | "RESOLVE" | "APOLOGISE">[] = [
  { value: "NEW", weight: 20 },
  { value: "LISTEN", weight: 25 },
  { value: "UNDERSTAND", weight: 25 },
  { value: "RESOLVE", weight: 22 },
  { value: "APOLOGISE", weight: 8 },
];

/** Wall-clock hours a stage's default target spans (business hours stretched over nights and weekends). */
export const STAGE_WALL_HOURS = { NEW: 6, LISTEN: 30, UNDERSTAND: 30, RESOLVE: 80, APOLOGISE: 6 } as const;

/** The expected number of open tickets for a scale, from OPEN_BY_AGE (tickets spread evenly over the days). */
export function expectedOpenTickets(scale: BenchScale): number {
  const perDay = scale.tickets / scale.days;
  let previous = 0;
  let open = 0;
  for (const band of OPEN_BY_AGE) {
    const upper = Math.min(band.maxAgeDays, scale.days);
    if (upper > previous) open += (upper - previous) * perDay * band.share;
    previous = upper;
  }
  return Math.round(open);
}

/**
 * Upper bounds of each choice on [0, 1), in order: a uniform draw u picks the first value whose
 * bound exceeds it. The last bound is exactly 1, so every draw picks something.
 */
export function cumulativeBounds<T extends string>(mix: readonly Weighted<T>[]): { value: T; upTo: number }[] {
  const total = mix.reduce((sum, m) => sum + m.weight, 0);
  if (!(total > 0) || mix.some((m) => m.weight < 0)) throw new RangeError("weights must be non-negative with a positive total");
  let running = 0;
  return mix.map((m, i) => {
    running += m.weight;
    return { value: m.value, upTo: i === mix.length - 1 ? 1 : running / total };
  });
}

/** A SQL CASE that maps a uniform draw `draw` (an expression in [0, 1)) to a value of the mix, as a quoted literal. */
export function sqlPick<T extends string>(draw: string, mix: readonly Weighted<T>[]): string {
  const bounds = cumulativeBounds(mix);
  const arms = bounds.slice(0, -1).map((b) => `WHEN ${draw} < ${b.upTo} THEN '${b.value}'`);
  return `(CASE ${arms.join(" ")} ELSE '${bounds[bounds.length - 1]!.value}' END)`;
}

/**
 * The history the peer comparison starts a level from (`--peer`): two months, sized so that about
 * 95 % of `openTickets` are open once generated; the API creates the rest, so every level is reached
 * from below (random draws stray by a few dozen, far less than the 5 % margin).
 */
export function peerScale(openTickets: number): BenchScale {
  const shape = { days: 60, agents: 50, teams: 5, supervisors: 5 };
  const perTicket = expectedOpenTickets({ ...shape, tickets: 1_000_000, customers: 700_000 }) / 1_000_000;
  const tickets = Math.floor((0.95 * openTickets) / perTicket);
  return { ...shape, tickets, customers: Math.max(1, Math.floor(tickets * 0.7)) };
}
