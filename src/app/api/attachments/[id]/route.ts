import { contentDisposition } from "@/domain/attachments";
import { findAttachmentForDownload, type DownloadAccess } from "@/features/attachments/queries";
import { currentStaff } from "@/server/auth/session";
import { logger } from "@/server/ops/logger";
import { StorageUnavailableError } from "@/server/storage/blob-store";

export const dynamic = "force-dynamic";

// One answer for every refusal, so a caller learns nothing about which ids or tokens exist.
function notFound(): Response {
  return new Response(null, { status: 404, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * A stored file, as a download: to the holder of its ticket's tracking link (`?token=`), or to
 * signed-in active staff without a token. A token, when given, is what decides.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const token = new URL(request.url).searchParams.get("token");
  let access: DownloadAccess | null = null;
  if (token !== null) access = { kind: "token", token };
  else if (await currentStaff()) access = { kind: "staff" };
  if (!access) return notFound();

  let file;
  try {
    file = await findAttachmentForDownload(id, access);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    // The bucket is down; the caller may try again (nothing says whether the id exists).
    logger().error({ component: "storage" }, `[storage] download failed: ${error.message}`);
    return new Response(null, { status: 503, headers: { "Cache-Control": "private, no-store", "Retry-After": "60" } });
  }
  if (!file) return notFound();
  return new Response(file.data as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // The URL carries the tracking token.
      "Referrer-Policy": "no-referrer",
    },
  });
}
