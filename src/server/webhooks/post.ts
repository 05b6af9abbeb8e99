import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedTarget } from "./target";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export class WebhookHttpError extends Error {
  constructor(readonly status: number) {
    super(`The receiver answered HTTP ${status}.`);
  }
}

/**
 * POSTs to the address that was checked, whatever DNS says now: the agent's `lookup` answers with
 * the pinned address, while the URL's host name still goes in the Host header and, over TLS, in
 * SNI and the certificate check. Redirects are not followed (a 3xx is a failure), so a receiver
 * cannot bounce the request to an address we would refuse.
 */
export function postWebhook(target: ResolvedTarget, body: string, headers: Record<string, string>): Promise<number> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": String(Buffer.byteLength(body)),
          "User-Agent": "Tanggap-Webhooks/1",
          ...headers,
        },
      },
      (response) => {
        // Only the status matters; the body is drained (at most what arrives) and dropped.
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(status);
          else reject(new WebhookHttpError(status));
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`)));
    request.on("error", reject);
    request.end(body);
  });
}
