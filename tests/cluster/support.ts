// Complaints over HTTP through the balancer, as the browser's form posts them, noting which
// instance answered (the header HAProxy adds).
import { action, complaintFields } from "../hostile/support";
import { BASE_URL } from "../support/cluster";
import { SERVED_BY } from "../support/haproxy";
import { actionResult, callAction } from "../support/server-actions";

export interface Filed {
  outcome: "acknowledged" | "refused" | "transport";
  status: number;
  servedBy: string | null;
  reference?: string;
  code?: string;
}

/** Never throws: a load counts every outcome, a transport failure included. */
export async function fileComplaint(tag: string, i: number, email?: string): Promise<Filed> {
  try {
    const fields = complaintFields(tag, i, email ? { email } : {});
    const response = await callAction({ baseUrl: BASE_URL, action: action("submitComplaint"), args: "state+form", fields });
    const servedBy = response.headers.get(SERVED_BY);
    const result = actionResult(response.text) as { status: string; result?: { reference: string }; code?: string } | null;
    if (response.status === 200 && result?.status === "success")
      return { outcome: "acknowledged", status: response.status, servedBy, reference: result.result!.reference };
    if (result?.status === "error") return { outcome: "refused", status: response.status, servedBy, code: result.code };
    return { outcome: "transport", status: response.status, servedBy };
  } catch {
    return { outcome: "transport", status: 0, servedBy: null };
  }
}

/** Polls `probe` until it returns a value (not undefined); no time is asserted, the test's timeout bounds it. */
export async function eventually<T>(probe: () => Promise<T | undefined>, everyMs = 300): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
