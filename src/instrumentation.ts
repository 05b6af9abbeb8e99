// Runs once when a Next.js server starts (see Next's instrumentation docs).
export async function register(): Promise<void> {
  // Only the Node.js server runs background work: not the Edge runtime, and not `next build`, which
  // also loads this file while it prerenders.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Imported here, not at the top, so the Edge bundle never sees nodemailer or node: modules.
  const { startMailWorker } = await import("./server/mail/start-worker");
  startMailWorker();
  const { startWebhookWorker } = await import("./server/webhooks/start-worker");
  startWebhookWorker();
  // The SLA monitor records at-risk and breach once per deadline, whichever instance wins.
  const { startSlaMonitor } = await import("./features/sla/start-monitor");
  startSlaMonitor();
}
