-- AlterTable
ALTER TABLE "SlaTimer" ADD COLUMN     "businessSeconds" INTEGER;

-- The clocks fulfilled before this column existed get their business seconds right after this
-- migration, from TypeScript (src/server/db/backfill-business-seconds.ts, run by applyMigrations:
-- `npm run db:migrate`, the app's start, the tests' setup), because business time is the calendar's
-- arithmetic in src/domain and is kept in one place. This index holds exactly the clocks still to
-- do: large once, then empty, so the check after each later migrate is one empty probe.
CREATE INDEX "SlaTimer_businessSeconds_todo_idx" ON "SlaTimer" ("id") WHERE "fulfilledAt" IS NOT NULL AND "businessSeconds" IS NULL;
