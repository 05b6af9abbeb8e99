import { afterEach, describe, expect, it } from "vitest";
import "../../../../tests/support/integration-db";
import { createPrismaClient } from "@/server/db/create-client";
import { GET } from "./route";

const globalForPrisma = globalThis as unknown as { tanggapPrisma?: unknown };

describe("GET /api/health", () => {
  afterEach(() => {
    delete globalForPrisma.tanggapPrisma;
  });

  it("answers 200 ok while the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    // Nothing listens on port 1.
    globalForPrisma.tanggapPrisma = createPrismaClient("postgresql://postgres@127.0.0.1:1/none", 1);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
  });
});
