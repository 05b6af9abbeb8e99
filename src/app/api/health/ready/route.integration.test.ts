import { afterEach, describe, expect, it } from "vitest";
import "../../../../../tests/support/integration-db";
import { createPrismaClient } from "@/server/db/create-client";
import { markDraining } from "@/server/ops/lifecycle";
import { GET } from "./route";

const globals = globalThis as unknown as { tanggapPrisma?: unknown; [key: symbol]: unknown };

describe("GET /api/health/ready", () => {
  afterEach(() => {
    delete globals.tanggapPrisma;
    // The process-wide lifecycle (src/server/ops/lifecycle.ts), back to a fresh process's.
    delete globals[Symbol.for("tanggap.lifecycle")];
  });

  it("answers 200 ok while the database answers and the instance serves", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 naming the database when it does not answer", async () => {
    // Nothing listens on port 1.
    globals.tanggapPrisma = createPrismaClient("postgresql://postgres@127.0.0.1:1/none", 1);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
  });

  it("answers 503 naming the drain once the instance is stopping, the database up or not", async () => {
    markDraining();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "draining" });
  });
});
