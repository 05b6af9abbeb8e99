import { defineConfig } from "prisma/config";

// Prisma 7 keeps the connection URL here rather than in schema.prisma.
// Migrations run through scripts/db-migrate.ts (the WebAssembly schema engine),
// so the stock CLI is only used for `prisma generate`, which needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
