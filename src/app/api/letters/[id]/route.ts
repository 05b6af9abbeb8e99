import { contentDisposition } from "@/domain/attachments";
import { letterPdfName } from "@/domain/regulation/letter-file";
import { findLetterForDownload, type LetterAccess } from "@/features/letters/queries";
import { currentStaff } from "@/server/auth/session";

export const dynamic = "force-dynamic";

// One answer for every refusal, so a caller learns nothing about which ids or tokens exist.
function notFound(): Response {
  return new Response(null, { status: 404, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * A sent letter's PDF, byte for byte as stored when it was sent: to the holder of its ticket's
 * tracking link (`?token=`), or to signed-in active staff without a token. A token, when given, decides.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const token = new URL(request.url).searchParams.get("token");
  let access: LetterAccess | null = null;
  if (token !== null) access = { kind: "token", token };
  else if (await currentStaff()) access = { kind: "staff" };
  if (!access) return notFound();

  const letter = await findLetterForDownload(id, access);
  if (!letter) return notFound();
  const name = letterPdfName(letter.reference, letter.kind, letter.sentAt);
  return new Response(letter.pdf as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(letter.pdf.byteLength),
      "Content-Disposition": contentDisposition(name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // The URL carries the tracking token.
      "Referrer-Policy": "no-referrer",
    },
  });
}
