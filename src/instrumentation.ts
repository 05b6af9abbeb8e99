// Runs once when a Next.js server starts (see Next's instrumentation docs).
//
// NEXT_RUNTIME and NEXT_PHASE are read from process.env, not through src/env.ts: Next sets them
// itself (NEXT_RUNTIME is even replaced per bundle at build time, which is what keeps the Node-only
// imports below out of the Edge bundle). They describe how Next runs this file, not a setting.
export async function register(): Promise<void> {
  // Only the Node.js server runs background work: not the Edge runtime, and not `next build`, which
  // also loads this file while it prerenders.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Every setting, once, before any work starts. `npm start` has checked already
  // (scripts/lib/launch.ts); this covers a bare `next start`.
  const { exitOnBadSettings } = await import("./server/settings-check");
  const settings = exitOnBadSettings(["AUTH_SECRET", "DATABASE_URL"]);
  // Off in all but one of `npm start`'s processes (scripts/lib/cluster.ts), or on a serving-only instance.
  if (settings.BACKGROUND_WORK === "0") return;
  // Imported here, not at the top, so the Edge bundle never sees nodemailer or node: modules.
  const { startMailWorker } = await import("./server/mail/start-worker");
  startMailWorker();
  const { startWebhookWorker } = await import("./server/webhooks/start-worker");
  startWebhookWorker();
  // The SLA monitor records at-risk and breach once per deadline, whichever instance wins.
  const { startSlaMonitor } = await import("./features/sla/start-monitor");
  startSlaMonitor();
  // Configured mailboxes are read here; each message is claimed in PostgreSQL, so instances share them.
  const { startInboundPoller } = await import("./features/inbound/start-poller");
  startInboundPoller();
  // S3 objects whose upload never committed (a failed transaction, a killed process) are deleted.
  const { startPendingObjectSweeper } = await import("./features/attachments/start-sweeper");
  startPendingObjectSweeper();
  const { logger } = await import("./server/ops/logger");
  logger().info({ component: "background" }, "background work running in this process");
}
