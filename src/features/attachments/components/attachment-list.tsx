import { getFormatter, getTranslations } from "next-intl/server";
import { ATTACHMENT_TYPES, isAttachmentType } from "@/domain/attachments";
import { formatFileSize } from "../format";

export interface AttachmentLink {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Where a file is downloaded: with the tracking token for the customer, without it for staff. */
export function attachmentHref(id: string, token?: string): string {
  return `/api/attachments/${encodeURIComponent(id)}${token ? `?token=${encodeURIComponent(token)}` : ""}`;
}

/**
 * Links to download a ticket's files. Pass `token` on the tracking page (the holder of the
 * link downloads with it); leave it out for staff, who download with their session.
 */
export async function AttachmentList({ attachments, token }: { attachments: readonly AttachmentLink[]; token?: string }) {
  if (attachments.length === 0) return null;
  const t = await getTranslations("attachments");
  const format = await getFormatter();
  return (
    <ul aria-label={t("listLabel")} className="flex flex-col gap-1" data-testid="attachment-list">
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline gap-x-2 text-sm">
          {/* A plain link: the response is a download, and the token must not travel as a referrer. */}
          <a
            href={attachmentHref(a.id, token)}
            rel="noreferrer"
            className="break-all font-medium text-teal-800 underline"
            data-testid="attachment-link"
          >
            {a.fileName}
          </a>
          <span className="text-slate-600">
            {t("description", {
              type: isAttachmentType(a.contentType) ? ATTACHMENT_TYPES[a.contentType].label : a.contentType,
              size: formatFileSize(a.size, format.number),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}
