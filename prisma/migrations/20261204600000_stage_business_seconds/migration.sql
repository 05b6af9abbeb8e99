-- AlterTable
ALTER TABLE "SlaTimer" ADD COLUMN     "businessSeconds" INTEGER;

-- The report statements read the clocks of a period from this index alone (index-only scan),
-- so it carries the business seconds too.
-- DropIndex
DROP INDEX "SlaTimer_startedAt_stage_dueAt_fulfilledAt_breachedAt_pause_idx";

-- CreateIndex
CREATE INDEX "SlaTimer_startedAt_report_idx" ON "SlaTimer"("startedAt", "stage", "dueAt", "fulfilledAt", "breachedAt", "pausedAt", "businessSeconds");

-- The clocks fulfilled before this column existed get their business seconds right after this
-- migration, from TypeScript (src/server/db/backfill-business-seconds.ts, run by applyMigrations:
-- `npm run db:migrate`, the app's start, the tests' setup), because business time is the calendar's
-- arithmetic in src/domain and is kept in one place. This index holds exactly the clocks still to
-- do: large once, then empty, so the check after each later migrate is one empty probe.
CREATE INDEX "SlaTimer_businessSeconds_todo_idx" ON "SlaTimer" ("id") WHERE "fulfilledAt" IS NOT NULL AND "businessSeconds" IS NULL;
