import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { saveMacro } from "@/features/admin/commands/macros";
import { saveMacroSchema } from "@/features/admin/schemas";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { setPriority } from "@/features/protocol/commands";
import { applyMacro, macrosForWorkspace } from "./apply";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

let admin: { id: string };
let agent: { id: string; role: "AGENT"; name: string };
let teamId: string;
let otherTeamId: string;

async function newTicket() {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category: "PRODUCT_RETURN",
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount: "450000",
  });
  await fileComplaint(input, "id", at("23T09:00:00"));
  return testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true, version: true } });
}

/** A macro as the admin page saves it: the form's fields, through the shared schema and the audited command. */
async function macro(fields: Record<string, string>, team = teamId) {
  const input = saveMacroSchema.parse({ teamId: team, active: "on", ...fields });
  return (await saveMacro(admin, input)).macroId;
}

const paymentCategory = async () =>
  (await testDb().category.findUniqueOrThrow({ where: { code: "PAYMENT_PROBLEM" }, select: { id: true } })).id;

const state = (ticketId: string) =>
  testDb().ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { version: true, priority: true, assigneeId: true, waitingOnCustomer: true, categoryId: true },
  });
const history = async (ticketId: string) => ({
  messages: await testDb().message.findMany({
    where: { ticketId },
    select: { visibility: true, body: true },
    orderBy: { createdAt: "asc" },
  }),
  events: await testDb().ticketEvent.findMany({ where: { ticketId }, select: { type: true }, orderBy: { id: "asc" } }),
  mail: await testDb().outboxMessage.count({ where: { ticketId, channel: "email" } }),
});

describe("macros", () => {
  beforeEach(async () => {
    await resetDatabase();
    teamId = (await testDb().team.create({ data: { nameEn: "Macro team A", nameId: "Macro team A" }, select: { id: true } })).id;
    otherTeamId = (await testDb().team.create({ data: { nameEn: "Macro team B", nameId: "Macro team B" }, select: { id: true } })).id;
    admin = await testDb().user.create({
      data: { email: "admin@tanggap.test", name: "Admin", role: "ADMIN", passwordHash: "x" },
      select: { id: true },
    });
    const user = await testDb().user.create({
      data: { email: "agent@tanggap.test", name: "Ayu Pratiwi", role: "AGENT", passwordHash: "x", teamId },
      select: { id: true },
    });
    agent = { id: user.id, role: "AGENT", name: "Ayu Pratiwi" };
  });

  it("is saved by an admin with an audit row", async () => {
    const id = await macro({ nameEn: "Acknowledge and own it", nameId: "Akui dan tangani", priority: "HIGH", assignee: "self" });
    const audit = await testDb().auditLog.findMany({ where: { entity: "Macro", entityId: id }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "macro.created", actorId: admin.id }]);
    await expect(
      saveMacro({ id: agent.id }, saveMacroSchema.parse({ teamId, nameEn: "Sneaky", nameId: "Diam-diam", priority: "LOW" })),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(macro({ nameEn: "Nothing", nameId: "Kosong" })).rejects.toMatchObject({ details: { code: "macroEmpty" } });
  });

  it("is named in both languages, each unique in its team: a taken name is refused at the field it is in", async () => {
    const id = await macro({ nameEn: "Ask for a photo", nameId: "Minta foto", priority: "HIGH" });
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entity: "Macro", entityId: id }, select: { after: true } });
    expect(audit.after).toMatchObject({ nameEn: "Ask for a photo", nameId: "Minta foto" });
    await expect(macro({ nameEn: "Ask for a photo", nameId: "Minta foto lagi", priority: "LOW" })).rejects.toMatchObject({
      details: { code: "macroNameTaken", field: "nameEn" },
    });
    await expect(macro({ nameEn: "Ask for another photo", nameId: "Minta foto", priority: "LOW" })).rejects.toMatchObject({
      details: { code: "macroNameTaken", field: "nameId" },
    });
    // Another team may use the same names.
    await macro({ nameEn: "Ask for a photo", nameId: "Minta foto", priority: "LOW" }, otherTeamId);
    await expect(macro({ nameEn: "Ask for a photo", priority: "LOW" })).rejects.toMatchObject({ issues: [{ path: ["nameId"] }] });

    const ticket = await newTicket();
    expect(await macrosForWorkspace({ teamId: null }, agent.id)).toEqual([
      { id, nameEn: "Ask for a photo", nameId: "Minta foto", team: { nameEn: "Macro team A", nameId: "Macro team A" } },
    ]);
    const recategorise = await macro({ nameEn: "Really a payment", nameId: "Sebenarnya pembayaran", categoryId: await paymentCategory() });
    await applyMacro({ ticketId: ticket.id, version: ticket.version, macroId: recategorise }, agent);
    const event = await testDb().ticketEvent.findFirstOrThrow({
      where: { ticketId: ticket.id, type: "category.changed" },
      select: { after: true },
    });
    // The timeline names the macro in its reader's language.
    expect(event.after).toMatchObject({
      category: "PAYMENT_PROBLEM",
      macro: { nameEn: "Really a payment", nameId: "Sebenarnya pembayaran" },
    });
  });

  it("applies every action through the workspace's commands, in one change: the template in the customer's language, fields and a note", async () => {
    const ticket = await newTicket();
    const id = await macro({
      nameEn: "Acknowledge and own it",
      nameId: "Akui dan tangani",
      templateKind: "ACKNOWLEDGEMENT",
      priority: "HIGH",
      assignee: "self",
      internalNote: "Cek stok blender pengganti.",
    });

    await applyMacro({ ticketId: ticket.id, version: ticket.version, macroId: id }, agent, at("23T09:30:00"));

    expect(await state(ticket.id)).toMatchObject({ version: ticket.version + 4, priority: "HIGH", assigneeId: agent.id });
    const { messages, events, mail } = await history(ticket.id);
    expect(messages.map((m) => m.visibility)).toEqual(["PUBLIC", "INTERNAL"]);
    expect(messages[0]!.body).toContain("Kak Siti");
    expect(messages[0]!.body).toContain("Ayu Pratiwi");
    expect(messages[1]!.body).toBe("Cek stok blender pengganti.");
    expect(events.map((e) => e.type).slice(-4)).toEqual(["priority.changed", "ticket.assigned", "message.sent", "note.added"]);
    // The receipt, and the reply.
    expect(mail).toBe(2);
  });

  it("refuses as a whole when one action's gate refuses, and says why", async () => {
    const ticket = await newTicket();
    // Waiting on a customer who has not heard from us yet is refused in NEW; the priority must not stick.
    const id = await macro({
      nameEn: "Park it",
      nameId: "Tunda dulu",
      priority: "URGENT",
      waitForCustomer: "on",
      internalNote: "Menunggu foto.",
    });
    const before = { state: await state(ticket.id), history: await history(ticket.id) };

    await expect(applyMacro({ ticketId: ticket.id, version: ticket.version, macroId: id }, agent, at("23T09:30:00"))).rejects.toMatchObject(
      {
        code: "protocolRefused",
        details: { refusal: { reason: "notAcknowledged" } },
      },
    );
    expect({ state: await state(ticket.id), history: await history(ticket.id) }).toEqual(before);
  });

  it("refuses a template the ticket cannot fill yet, a stale version, and another team's macro, changing nothing", async () => {
    const ticket = await newTicket();
    const apology = await macro({ nameEn: "Apologise", nameId: "Minta maaf", templateKind: "APOLOGY", priority: "HIGH" });
    const raise = await macro({ nameEn: "Raise", nameId: "Naikkan", priority: "URGENT", internalNote: "Naik." });
    const foreign = await macro({ nameEn: "Their macro", nameId: "Makro mereka", priority: "LOW" }, otherTeamId);
    const before = { state: await state(ticket.id), history: await history(ticket.id) };

    // The apology names a resolution not chosen yet.
    await expect(applyMacro({ ticketId: ticket.id, version: ticket.version, macroId: apology }, agent)).rejects.toMatchObject({
      details: { code: "macroTemplateUnfilled" },
    });
    await expect(applyMacro({ ticketId: ticket.id, version: ticket.version, macroId: foreign }, agent)).rejects.toMatchObject({
      details: { code: "unknownMacro" },
    });
    expect({ state: await state(ticket.id), history: await history(ticket.id) }).toEqual(before);

    // Someone else changed the ticket after the agent's page was drawn.
    await setPriority({ ticketId: ticket.id, version: ticket.version, priority: "LOW" }, { id: admin.id, role: "ADMIN" });
    const changed = { state: await state(ticket.id), history: await history(ticket.id) };
    await expect(applyMacro({ ticketId: ticket.id, version: ticket.version, macroId: raise }, agent)).rejects.toMatchObject({
      code: "conflict",
    });
    expect({ state: await state(ticket.id), history: await history(ticket.id) }).toEqual(changed);
  });
});
