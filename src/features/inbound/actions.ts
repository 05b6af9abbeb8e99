"use server";

import { DomainError } from "@/domain/errors";
import { action } from "@/lib/actions/action";
import { addMailboxSchema, mailboxIdSchema } from "./schemas";
import { addMailbox, setMailboxActive } from "./service";

// Admins only: the pipeline re-reads the session's user and role before anything else.

export const addMailboxAction = action({
  role: "ADMIN",
  schema: addMailboxSchema,
  input: (f) => ({
    name: f.get("name"),
    host: f.get("host"),
    port: f.get("port"),
    tls: f.get("tls"),
    username: f.get("username"),
    password: f.get("password"),
    folder: f.get("folder") ?? undefined,
    address: f.get("address"),
  }),
  revalidate: ["/admin/mailboxes"],
  run: async (input, { staff, t }) => {
    await addMailbox(staff.id, input);
    return { message: t("inbound.added", { name: input.name }) };
  },
});

export const stopMailboxAction = action({
  role: "ADMIN",
  schema: mailboxIdSchema,
  input: (f) => ({ id: f.get("id") }),
  revalidate: ["/admin/mailboxes"],
  run: async ({ id }, { staff, t }) => {
    if (!(await setMailboxActive(staff.id, id, false))) throw new DomainError("alreadyGone", { what: "mailbox" });
    return { message: t("inbound.stopped") };
  },
});
