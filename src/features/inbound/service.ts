import "server-only";
import { adminChange } from "@/features/admin/admin-change";
import { seal } from "@/server/crypto/seal";
import { db } from "@/server/db/prisma";
import type { AddMailboxInput } from "./schemas";

/** Adds a mailbox to read; the password is kept sealed (the poller needs it to log in) and never audited. */
export async function addMailbox(adminId: string, input: AddMailboxInput): Promise<string> {
  return adminChange({ id: adminId }, async ({ tx, audit }) => {
    const { password, ...settings } = input;
    const row = await tx.inboundMailbox.create({
      data: { ...settings, secretSealed: seal("mailbox-secret/v1", password), createdById: adminId },
      select: { id: true },
    });
    await audit({ entity: "InboundMailbox", entityId: row.id, action: "mailbox.created", after: { ...settings, active: true } });
    return row.id;
  });
}

/** Stops reading a mailbox (what it imported stays). False when it was already stopped or is unknown. */
export async function setMailboxActive(adminId: string, id: string, active: boolean): Promise<boolean> {
  return adminChange({ id: adminId }, async ({ tx, audit }) => {
    const { count } = await tx.inboundMailbox.updateMany({ where: { id, active: !active }, data: { active } });
    if (count === 0) return false;
    await audit({
      entity: "InboundMailbox",
      entityId: id,
      action: active ? "mailbox.resumed" : "mailbox.stopped",
      before: { active: !active },
      after: { active },
    });
    return true;
  });
}

/** Each mailbox with its state: when it was last read, its last error, and what came of its mail. */
export async function listMailboxes() {
  const [mailboxes, counts] = await Promise.all([
    db().inboundMailbox.findMany({
      orderBy: [{ active: "desc" }, { createdAt: "asc" }],
      select: {
        id: true,
        name: true,
        host: true,
        port: true,
        tls: true,
        username: true,
        folder: true,
        address: true,
        active: true,
        lastPollAt: true,
        lastSuccessAt: true,
        lastError: true,
      },
    }),
    db().inboundMail.groupBy({ by: ["mailboxId", "status"], _count: { _all: true } }),
  ]);
  const count = (id: string, status: string) => counts.find((c) => c.mailboxId === id && c.status === status)?._count._all ?? 0;
  return mailboxes.map((m) => ({
    ...m,
    imported: count(m.id, "IMPORTED"),
    ignored: count(m.id, "IGNORED"),
    quarantined: count(m.id, "QUARANTINED"),
  }));
}

/** Quarantined mail, newest first, for admins: nothing is lost, and the reason says what to do. */
export async function listQuarantine(limit = 100) {
  return db().inboundMail.findMany({
    where: { status: "QUARANTINED" },
    orderBy: [{ createdAt: "desc" }],
    take: limit,
    select: {
      id: true,
      sender: true,
      subject: true,
      reason: true,
      detail: true,
      size: true,
      createdAt: true,
      mailbox: { select: { name: true } },
    },
  });
}

export type MailboxRow = Awaited<ReturnType<typeof listMailboxes>>[number];
export type QuarantineRow = Awaited<ReturnType<typeof listQuarantine>>[number];
