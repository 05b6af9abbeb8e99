import { env } from "@/env";
import { importWebhookMail, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyInboundMail } from "@/features/inbound/webhook";

export const dynamic = "force-dynamic";

// A mail provider's inbound webhook: the raw message as the body, signed (src/features/inbound/webhook.ts).
// Without INBOUND_WEBHOOK_SECRET there is nothing here.
export async function POST(request: Request) {
  const secret = env().INBOUND_WEBHOOK_SECRET;
  if (!secret) return new Response("Not found\n", { status: 404 });
  const limit = env().INBOUND_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return new Response("Payload too large\n", { status: 413 });
  const body = Buffer.from(await request.arrayBuffer());
  if (!verifyInboundMail(secret, body, request.headers.get(TIMESTAMP_HEADER), request.headers.get(SIGNATURE_HEADER))) {
    return new Response("Unauthorized\n", { status: 401, headers: { "WWW-Authenticate": 'HMAC realm="inbound-mail"' } });
  }
  if (body.length > limit) return new Response("Payload too large\n", { status: 413 });
  const outcome = await importWebhookMail(body);
  // 200 for anything the provider should not send again: imported, ignored, quarantined, a repeat.
  // 409 while another request holds the same message, so the provider retries later.
  if (outcome.status === "TAKEN" && !outcome.done) return Response.json({ status: "busy" }, { status: 409 });
  return Response.json(
    outcome.status === "IMPORTED"
      ? { status: "imported", as: outcome.as }
      : outcome.status === "TAKEN"
        ? { status: "duplicate" }
        : { status: outcome.status.toLowerCase(), reason: outcome.reason },
  );
}
