// Run once by tests/support/cluster.ts before the cluster's instances start: the migrations, the
// demo staff and complaints the suite signs in with, and a webhook endpoint for new complaints.
// Usage: DATABASE_URL=… AUTH_SECRET=… WEBHOOK_URL=… tsx tests/support/cluster-prepare.ts
import { join } from "node:path";
import { createPrismaClient } from "../../src/server/db/create-client";
import { applyMigrations } from "../../src/server/db/schema-engine";
import { seedDatabase } from "../../src/server/seed/run";
import { seal } from "../../src/server/crypto/seal";

const url = process.env.DATABASE_URL!;
await applyMigrations({ connectionString: url, migrationsDir: join(process.cwd(), "prisma", "migrations") });
const db = createPrismaClient(url, 2);
try {
  await seedDatabase(db, { demo: true });
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
  await db.webhookEndpoint.create({
    data: {
      url: process.env.WEBHOOK_URL!,
      events: ["ticket.created"],
      // As sealWebhookSecret does (that module is server-only).
      secretSealed: seal("webhook-secret/v1", "cluster-suite-webhook-secret-0123456789"),
      createdById: admin.id,
    },
  });
} finally {
  await db.$disconnect();
}
