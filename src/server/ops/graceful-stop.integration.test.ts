import { Agent, createServer, request, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulStop } from "./graceful-stop";
import { isDraining, registerBackgroundWork } from "./lifecycle";

// The stop a rolling restart relies on (scripts/lib/next-server.ts runs it on SIGTERM), on a plain
// HTTP server whose one slow route stands for a request in flight.

const quiet = { info() {}, warn() {} };
const globals = globalThis as { [key: symbol]: unknown };

interface Answer {
  status: number;
  body: string;
  connection: string | undefined;
}

function get(port: number, path: string, agent: Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function serve(slowMs: number): Promise<{ server: Server; port: number; started: () => Promise<void> }> {
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const server = createServer((req, res) => {
    if (isDraining()) res.setHeader("Connection", "close");
    if (req.url === "/slow") {
      markStarted();
      setTimeout(() => res.end("slow done"), slowMs).unref();
    } else res.end(isDraining() ? "draining" : "ready");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as { port: number }).port, started: () => started };
}

describe("gracefulStop", () => {
  afterEach(() => {
    delete globals[Symbol.for("tanggap.lifecycle")];
  });

  it("turns readiness false, serves through the grace period, finishes the request in flight, stops the workers, then refuses connections", async () => {
    const { server, port, started } = await serve(1_500);
    const events: string[] = [];
    registerBackgroundWork("worker", async () => {
      events.push("worker asked to stop");
      await new Promise((resolve) => setTimeout(resolve, 200));
      events.push("worker released its claims");
    });

    const inFlight = get(port, "/slow");
    await started();
    const stopping = gracefulStop({ server, graceMs: 500, timeoutMs: 10_000, log: quiet }).then((outcome) => {
      events.push("stopped");
      return outcome;
    });
    expect(isDraining()).toBe(true);

    // Within the grace period a new request is still answered, and told to close its connection.
    const during = await get(port, "/");
    expect(during).toMatchObject({ status: 200, body: "draining", connection: "close" });

    expect(await inFlight).toMatchObject({ status: 200, body: "slow done" });
    expect(await stopping).toBe("clean");
    expect(events).toEqual(["worker asked to stop", "worker released its claims", "stopped"]);
    await expect(get(port, "/")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("does not wait for a kept-alive client to hang up after its answer", async () => {
    const { server, port, started } = await serve(300);
    const agent = new Agent({ keepAlive: true });
    const inFlight = get(port, "/slow", agent);
    await started();
    const begun = performance.now();
    expect(await gracefulStop({ server, graceMs: 0, timeoutMs: 10_000, log: quiet })).toBe("clean");
    expect(await inFlight).toMatchObject({ status: 200, body: "slow done" });
    // Node keeps an answered connection open for its 5 s keep-alive timeout unless it is ended.
    expect(performance.now() - begun).toBeLessThan(4_000);
    agent.destroy();
  });

  it("cuts off what is still running once the timeout passes", async () => {
    const { server, port, started } = await serve(60_000);
    const inFlight = get(port, "/slow").catch((error: Error) => error);
    await started();
    expect(await gracefulStop({ server, graceMs: 0, timeoutMs: 300, log: quiet })).toBe("timed out");
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
