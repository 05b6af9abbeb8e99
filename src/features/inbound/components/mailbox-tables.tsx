import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { stopMailboxAction } from "../actions";
import type { MailboxRow, QuarantineRow } from "../service";

/** Each mailbox and how reading it goes: when it was last read, its last error, what came of its mail. */
export async function MailboxTable({ mailboxes }: { mailboxes: MailboxRow[] }) {
  const t = await getTranslations("inbound");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : t("never"));
  return (
    <DataTable
      caption={t("listTitle")}
      columns={[t("name"), t("server"), t("lastPoll"), t("lastError"), t("imported"), t("ignored"), t("quarantined"), t("status")]}
      empty={mailboxes.length === 0 ? t("none") : undefined}
    >
      {mailboxes.map((m) => (
        <tr key={m.id} className="border-t border-slate-100" data-testid="mailbox-row">
          <td className="px-3 py-2">
            {m.name}
            <div className="font-mono text-xs text-slate-600">{m.address}</div>
          </td>
          <td className="break-all px-3 py-2 font-mono text-xs">
            {m.username}@{m.host}:{m.port} {m.tls ? "TLS" : t("noTls")} · {m.folder}
          </td>
          <td className="px-3 py-2" data-testid="mailbox-last-poll">
            {when(m.lastPollAt)}
          </td>
          <td className="break-all px-3 py-2 text-red-800" data-testid="mailbox-last-error">
            {m.lastError ?? "—"}
          </td>
          <td className="px-3 py-2 text-right" data-testid="mailbox-imported">
            {m.imported}
          </td>
          <td className="px-3 py-2 text-right">{m.ignored}</td>
          <td className="px-3 py-2 text-right" data-testid="mailbox-quarantined">
            {m.quarantined}
          </td>
          <td className="px-3 py-2">
            {m.active ? (
              <ActionForm
                action={stopMailboxAction}
                hidden={{ id: m.id }}
                className="flex flex-col gap-1"
                label={t("stopLabel", { name: m.name })}
              >
                <span>{t("active")}</span>
                <button type="submit" className="self-start rounded-md border border-red-300 bg-white px-3 py-1 text-red-800">
                  {t("stop")}
                </button>
              </ActionForm>
            ) : (
              t("inactive")
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Mail that could not be imported, with the reason; kept, never answered. */
export async function QuarantineTable({ mails }: { mails: QuarantineRow[] }) {
  const t = await getTranslations("inbound");
  const format = await getFormatter();
  return (
    <DataTable
      caption={t("quarantineTitle")}
      columns={[t("received"), t("mailbox"), t("sender"), t("subject"), t("reason")]}
      empty={mails.length === 0 ? t("quarantineEmpty") : undefined}
    >
      {mails.map((m) => (
        <tr key={m.id} className="border-t border-slate-100" data-testid="quarantine-row">
          <td className="px-3 py-2">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
          <td className="px-3 py-2">{m.mailbox?.name ?? t("webhook")}</td>
          <td className="break-all px-3 py-2 font-mono text-xs">{m.sender ?? "—"}</td>
          <td className="break-all px-3 py-2">{m.subject ?? "—"}</td>
          <td className="px-3 py-2">
            {m.reason ? t(`reasons.${m.reason}`) : "—"}
            {m.detail && <div className="break-all text-xs text-slate-600">{m.detail}</div>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
