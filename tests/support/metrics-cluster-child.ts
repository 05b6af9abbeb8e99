// A node:cluster of three processes for src/server/ops/metrics-cluster.integration.test.ts: each process counts
// its own requests (1, 2 and 3) and sets a gauge the aggregate must leave out; once every process
// is set up, the first asks the primary for the aggregate and prints it (or the error) as JSON.
// With `stuck`, the third process never answers the primary's request.
//   tsx tests/support/metrics-cluster-child.ts [stuck]
import cluster from "node:cluster";
import { Counter, Gauge, Registry } from "prom-client";
import { answerClusterMetrics, clusterMetrics, serveClusterMetrics } from "../../src/server/ops/metrics-cluster";

const PROCESSES = 3;
const stuck = process.argv[2] === "stuck";

if (cluster.isPrimary) {
  serveClusterMetrics();
  let ready = 0;
  const workers = Array.from({ length: PROCESSES }, (_, slot) => cluster.fork({ SLOT: String(slot) }));
  cluster.on("message", (_worker, message: { type?: string; result?: unknown }) => {
    if (message.type === "ready" && ++ready === PROCESSES) workers[0]!.send({ type: "go" });
    if (message.type === "result") {
      console.log(JSON.stringify(message.result));
      for (const worker of workers) worker.kill();
    }
  });
} else {
  const slot = Number(process.env.SLOT);
  const registry = new Registry();
  new Counter({ name: "test_requests_total", help: "h", registers: [registry], aggregator: "sum" }).inc(slot + 1);
  new Gauge({ name: "test_database_rows", help: "h", registers: [registry], aggregator: "omit" }).set(7);
  if (!(stuck && slot === PROCESSES - 1)) answerClusterMetrics(registry);
  process.on("message", (message: { type?: string }) => {
    if (message.type !== "go") return;
    clusterMetrics().then(
      (text) => process.send!({ type: "result", result: { text } }),
      (error: Error) => process.send!({ type: "result", result: { error: error.message } }),
    );
  });
  process.send!({ type: "ready" });
}
