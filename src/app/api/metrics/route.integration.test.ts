import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../../tests/support/integration-db";
import { checkEnv } from "@/env";
import { metrics } from "@/server/ops/metrics";
import { routeMatcher } from "@/server/ops/request-paths";
import { GET } from "./route";

const TOKEN = "metrics-token-for-the-integration-test";
const TRACKING_TOKEN = "v1.SecretTrackingToken_0123456789";

function scrape(authorization?: string): Promise<Response> {
  return GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
}

/** Re-reads the settings, as a server started with these would have. */
function withMetricsToken(token: string | undefined): void {
  if (token === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = token;
  checkEnv();
}

describe("GET /api/metrics", () => {
  beforeAll(resetDatabase);
  afterAll(() => withMetricsToken(undefined));
  beforeEach(() => withMetricsToken(TOKEN));

  it("does not exist without METRICS_TOKEN", async () => {
    withMetricsToken(undefined);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it.each([
    ["no token", undefined],
    ["a wrong token", "Bearer metrics-token-for-the-integration-tesT"],
    ["a token that only starts right", `Bearer ${TOKEN}x`],
    ["the token without the Bearer scheme", TOKEN],
  ])("refuses %s with 401", async (_, authorization) => {
    const response = await scrape(authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.text()).not.toContain("tanggap_");
  });

  it("answers the right token with latency by route, outbox depth, SLA breaches and takeovers, and no tracking token", async () => {
    const db = testDb();
    await db.outboxMessage.createMany({
      data: [
        { recipient: "a@example.com", subject: "s", body: "b" },
        { recipient: "b@example.com", subject: "s", body: "b" },
        { recipient: "c@example.com", subject: "s", body: "b", status: "FAILED" },
        { recipient: "d@example.com", subject: "s", body: "b", status: "SENT" },
      ],
    });
    // As the server wrapper records a customer's tracking page (scripts/lib/next-server.ts).
    const routeOf = routeMatcher(["/track/[token]"]);
    metrics().requestDuration.observe({ method: "GET", route: routeOf(`/track/${TRACKING_TOKEN}`), status: "200" }, 0.042);

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toContain('tanggap_http_request_duration_seconds_count{method="GET",route="/track/[token]",status="200"} 1');
    expect(body).toContain('tanggap_outbox_messages{channel="email",status="PENDING"} 2');
    expect(body).toContain('tanggap_outbox_messages{channel="email",status="FAILED"} 1');
    expect(body).toContain('tanggap_outbox_messages{channel="webhook",status="PENDING"} 0');
    expect(body).not.toMatch(/status="SENT"/);
    expect(body).toContain("tanggap_sla_breaches_total 0");
    expect(body).toMatch(/^tanggap_outbox_claim_takeovers_total\{channel="webhook"\} \d+$/m);
    expect(body).toContain("process_cpu_user_seconds_total");
    expect(body).not.toContain(TRACKING_TOKEN);
  });
});
