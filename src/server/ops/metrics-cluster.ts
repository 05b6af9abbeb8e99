// The metrics of a server with several processes (node:cluster, scripts/lib/cluster.ts), as one
// scrape: each process counts its own requests, so the /api/metrics route, answered by any one of
// them, asks the cluster's primary over the process IPC channel, and the primary collects every
// process's registry with prom-client's AggregatorRegistry (which asks each over IPC too) and
// replies with the aggregate. The primary serves no HTTP, so it only relays; the worker that was
// scraped keeps the HTTP request, the token check and the database-read gauges.
import cluster from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";

const REQUEST = "tanggap:metrics-request";
const REPLY = "tanggap:metrics-reply";
/**
 * How long a scraped process waits for the primary's aggregate. AggregatorRegistry gives up on a
 * process that does not answer after 5 s (its own fixed timeout); this covers a primary that does
 * not answer at all, so a stuck process fails the scrape instead of hanging it.
 */
export const CLUSTER_METRICS_TIMEOUT_MS = 7_000;

interface Request {
  type: typeof REQUEST;
  id: number;
}
interface Reply {
  type: typeof REPLY;
  id: number;
  text?: string;
  error?: string;
}

/** In the cluster's primary: answers each process's request for the aggregate of every process. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: Partial<Request>) => {
    if (message?.type !== REQUEST || typeof message.id !== "number") return;
    const id = message.id;
    const reply = (answer: Omit<Reply, "type" | "id">) => {
      // The asking process may have exited meanwhile; nobody is left to answer.
      if (worker.isConnected()) worker.send({ type: REPLY, id, ...answer } satisfies Reply);
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/**
 * In each process of a cluster: lets the primary's AggregatorRegistry read this registry. Ours is
 * not prom-client's global one, so it is named with setRegistries; and a process only answers the
 * primary once an AggregatorRegistry exists in it (its constructor adds the IPC listener).
 */
export function answerClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries(registry);
  new AggregatorRegistry();
}

/** Whether this process is one of a cluster's, whose metrics are only whole when aggregated. */
export function inCluster(): boolean {
  return cluster.isWorker && typeof process.send === "function";
}

let nextId = 0;
const waiting = new Map<number, (reply: Reply) => void>();
let listening = false;

/** From a process of a cluster: every process's metrics, aggregated by the primary, in the text format. */
export function clusterMetrics(timeoutMs = CLUSTER_METRICS_TIMEOUT_MS): Promise<string> {
  if (!listening) {
    listening = true;
    process.on("message", (message: Partial<Reply>) => {
      if (message?.type === REPLY && typeof message.id === "number") waiting.get(message.id)?.(message as Reply);
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error(`the cluster's primary did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    waiting.set(id, (reply) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (reply.error !== undefined || reply.text === undefined) reject(new Error(reply.error ?? "no metrics in the reply"));
      else resolve(reply.text);
    });
    process.send!({ type: REQUEST, id } satisfies Request, undefined, undefined, (error: Error | null) => {
      if (!error) return;
      clearTimeout(timer);
      waiting.delete(id);
      reject(error);
    });
  });
}
