// The complaint form's POST as the browser sends it once React has hydrated the page: the server
// action's id in the Next-Action header, and the arguments of submitComplaint(previousState,
// formData) encoded as React's encodeReply does — a multipart body whose last part, "0", is the argument
// list, with the FormData referenced as "$K1" and its fields sent as parts prefixed "_1_" (React 19.3's processReply).

export interface ComplaintFields {
  name: string;
  email: string;
  phone?: string;
  category: string;
  narrative: string;
  orderNumber?: string;
  amount?: string;
  desiredOutcome: string;
}

interface ServerReferenceManifest {
  node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
}

/** The id `next build` gave the server action `exportedName` of `filename` (read from .next/server/server-reference-manifest.json). */
export function findActionId(manifest: ServerReferenceManifest, filename: string, exportedName: string): string {
  const match = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!match) throw new Error(`No server action ${exportedName} from ${filename} in the build; run \`next build\` first.`);
  return match[0];
}

function part(boundary: string, name: string, value: string): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/** The multipart body of one submission (boundary chosen by the caller, ASCII only). */
export function complaintBody(fields: ComplaintFields, boundary: string): string {
  let body = "";
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) body += part(boundary, `_1_${key}`, value);
  }
  // Last, as encodeReply sets it once the model is serialised: the server reads a FormData's fields
  // as the run of entries with its prefix, in the order they came.
  body += part(boundary, "0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return `${body}--${boundary}--\r\n`;
}

/**
 * The ticket reference a filed complaint's RSC response carries (TGP-…), or null when the action did
 * not file one (a refusal is rendered with 200 too).
 */
export function filedReference(body: string): string | null {
  if (!/"status":"success"/.test(body)) return null;
  return /"reference":"(TGP-\d+)"/.exec(body)?.[1] ?? null;
}

/** Whether the action's RSC response carries a success with a ticket reference. */
export function isFiledResponse(body: string): boolean {
  return filedReference(body) !== null;
}

/** The n-th simulated customer's complaint: a distinct address each (the per-recipient limit stays in force). */
export function benchComplaint(runId: string, n: number): ComplaintFields {
  const categories = ["PRODUCT_RETURN", "SERVICE_PROBLEM", "PAYMENT_PROBLEM", "OTHER"];
  return {
    name: `Pelanggan ${n}`,
    email: `bench-${runId}-${n}@bench.test`,
    phone: "+62 812 5550 1234",
    category: categories[n % categories.length]!,
    narrative: `Blender yang saya pesan datang dalam keadaan rusak dan tidak bisa menyala sama sekali. Nomor pesanan ORD-B${n}.`,
    orderNumber: `ORD-B${n}`,
    amount: "450000",
    desiredOutcome: "Kembalikan uang saya atau tukar dengan yang baru",
  };
}
