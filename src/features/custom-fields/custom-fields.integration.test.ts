import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { parseReference } from "@/domain/reference";
import { createApiToken } from "@/features/api-tokens/service";
import { createCustomField, updateCustomField } from "@/features/admin/commands/custom-fields";
import { createCustomFieldSchema, updateCustomFieldSchema } from "@/features/admin/schemas";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { queueCsv } from "@/features/queue/export";
import { listQueue } from "@/features/queue/queries";
import { parseQueueParams } from "@/features/queue/schemas";
import { getTicketByTrackingToken } from "@/features/tracking/queries";
import { GET as readTicket } from "@/app/api/v1/tickets/[reference]/route";
import { POST as createTicket } from "@/app/api/v1/tickets/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { saveInternalAnswers } from "./commands";
import { loadFieldDefinitions } from "./queries";

let admin: { id: string };
let agent: { id: string; role: "AGENT" };

const complaint = {
  name: "Dewi Lestari",
  email: "dewi@example.co.id",
  category: "PRODUCT_RETURN",
  narrative: "The rice cooker I ordered arrived with a cracked inner pot.",
  desiredOutcome: "A replacement pot",
};

async function define(input: Record<string, string>) {
  const categoryId = (await testDb().category.findUniqueOrThrow({ where: { code: input.category ?? "PRODUCT_RETURN" } })).id;
  await createCustomField(admin, createCustomFieldSchema.parse({ categoryId, sortOrder: "10", ...input }));
  return testDb().customField.findUniqueOrThrow({ where: { key: input.key } });
}

async function file(customFields: Record<string, unknown>, extra: Partial<typeof complaint> = {}) {
  // The schema built from what is in the database now, as the action and the API build it.
  const input = complaintSchema(undefined, await loadFieldDefinitions()).parse({ ...complaint, ...extra, customFields });
  return fileComplaint(input, "en");
}

const stored = async (reference: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { number: parseReference(reference)! }, select: { customFields: true } })).customFields;

describe("custom fields", () => {
  beforeEach(async () => {
    await resetDatabase();
    admin = await testDb().user.create({
      data: { email: "admin@t.test", name: "Ayu", role: "ADMIN", passwordHash: "x" },
      select: { id: true },
    });
    agent = {
      ...(await testDb().user.create({
        data: { email: "agent@t.test", name: "Budi", role: "AGENT", passwordHash: "x" },
        select: { id: true },
      })),
      role: "AGENT",
    };
    await define({
      key: "pot_size",
      type: "CHOICE",
      labelEn: "Pot size",
      labelId: "Ukuran panci",
      options: "small | Small | Kecil\nlarge | Large | Besar",
      customerFacing: "on",
      required: "on",
    });
    await define({ key: "units", type: "NUMBER", labelEn: "Units", labelId: "Jumlah", customerFacing: "on" });
    await define({ key: "batch", type: "TEXT", labelEn: "Batch", labelId: "Batch", required: "on" });
  });

  it("builds the complaint's schema from the definitions in the database, and stores the typed answers", async () => {
    const schema = complaintSchema(undefined, await loadFieldDefinitions());
    const refused = schema.safeParse({ ...complaint, customFields: { units: "many", batch: "B1" } });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["customFields.units", "invalidNumber"],
      ["customFields.pot_size", "required"],
    ]);
    const receipt = await file({ pot_size: "large", units: "2", batch: "B1" });
    // The internal field is staff's to fill: what the public sent for it is not kept.
    expect(await stored(receipt.reference)).toEqual({ pot_size: "large", units: 2 });
    // Another category's complaint neither asks for nor keeps them.
    const other = await file({ pot_size: "large" }, { category: "SERVICE_PROBLEM" });
    expect(await stored(other.reference)).toEqual({});
  });

  it("keeps an answer whose option was removed, shown as retired, and an archived field's answers", async () => {
    const receipt = await file({ pot_size: "small", units: 3 });
    const field = await testDb().customField.findUniqueOrThrow({ where: { key: "pot_size" } });
    await updateCustomField(
      admin,
      updateCustomFieldSchema.parse({
        fieldId: field.id,
        labelEn: "Pot size",
        labelId: "Ukuran panci",
        options: "large | Large | Besar\nmedium | Medium | Sedang",
        customerFacing: "on",
        required: "on",
        sortOrder: "10",
      }),
    );
    const units = await testDb().customField.findUniqueOrThrow({ where: { key: "units" } });
    await updateCustomField(
      admin,
      updateCustomFieldSchema.parse({
        fieldId: units.id,
        labelEn: "Units",
        labelId: "Jumlah",
        customerFacing: "on",
        sortOrder: "10",
        archived: "on",
      }),
    );
    const audit = await testDb().auditLog.findMany({ where: { entity: "CustomField", action: "customField.updated" } });
    expect(audit).toHaveLength(2);

    expect(await stored(receipt.reference)).toEqual({ pot_size: "small", units: 3 });
    const definitions = await loadFieldDefinitions();
    expect(definitions.find((d) => d.key === "pot_size")!.options.map((o) => [o.key, o.retired])).toEqual([
      ["large", false],
      ["medium", false],
      ["small", true],
    ]);
    // Not offered for new answers…
    expect(complaintSchema(undefined, definitions).safeParse({ ...complaint, customFields: { pot_size: "small" } }).success).toBe(false);
    // …but the customer still sees theirs, and the queue still finds it.
    const tracked = await getTicketByTrackingToken(receipt.trackingToken);
    expect(tracked!.customFields.id).toEqual([
      { key: "pot_size", label: "Ukuran panci", values: [{ text: "Kecil", retired: true }], customerFacing: true, archived: false },
      { key: "units", label: "Jumlah", values: [{ text: "3", retired: false }], customerFacing: true, archived: true },
    ]);
    const { filter } = parseQueueParams({ field: "pot_size", fieldValue: "small" }, ["PRODUCT_RETURN"], definitions);
    expect((await listQueue(agent.id, filter)).rows.map((r) => r.reference)).toEqual([receipt.reference]);
  });

  it("lets staff fill the internal fields through the ticket's version check, leaving the customer's answers", async () => {
    const receipt = await file({ pot_size: "large" });
    const ticket = await testDb().ticket.findUniqueOrThrow({ where: { number: parseReference(receipt.reference)! } });
    await saveInternalAnswers(
      { ticketId: ticket.id, version: ticket.version, category: "PRODUCT_RETURN", customFields: { batch: "B-77" } },
      agent,
    );
    expect(await stored(receipt.reference)).toEqual({ pot_size: "large", batch: "B-77" });
    await expect(
      saveInternalAnswers({ ticketId: ticket.id, version: ticket.version, category: "PRODUCT_RETURN", customFields: {} }, agent),
    ).rejects.toMatchObject({ code: "conflict" });
    const events = await testDb().ticketEvent.findMany({ where: { ticketId: ticket.id, type: "fields.changed" } });
    expect(events.map((e) => e.after)).toEqual([{ batch: "B-77" }]);
    // The customer never sees an internal answer.
    expect((await getTicketByTrackingToken(receipt.trackingToken))!.customFields.en.map((a) => a.key)).toEqual(["pot_size"]);

    const { filter } = parseQueueParams({ field: "batch", fieldValue: "B-77" }, ["PRODUCT_RETURN"], await loadFieldDefinitions());
    const csv = await queueCsv(agent.id, filter, await loadFieldDefinitions(), "en");
    const [header, row, ...rest] = csv.replace("\uFEFF", "").trim().split("\r\n");
    // A column per field, by category then order (here the same order: by key).
    expect(header!.split(",").slice(-3)).toEqual(["batch", "pot_size", "units"]);
    expect(row!.startsWith(receipt.reference)).toBe(true);
    expect(row!.split(",").slice(-3)).toEqual(["B-77", "large", ""]);
    expect(rest).toEqual([]);
  });

  it("validates the API's customFields with the same schema, shows them in the ticket JSON and documents them", async () => {
    const { token } = await createApiToken(admin.id, { name: "shop", scopes: ["tickets:read", "tickets:write"] });
    const post = (body: unknown) =>
      createTicket(
        new Request("http://localhost/api/v1/tickets", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
    const refused = await post({ ...complaint, locale: "en", customFields: { pot_size: "huge" } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toHaveProperty(["customFields.pot_size"]);
    const created = await post({ ...complaint, locale: "en", customFields: { pot_size: "small", units: 4 } });
    expect(created.status).toBe(201);
    const { reference } = await created.json();
    const read = await readTicket(
      new Request(`http://localhost/api/v1/tickets/${reference}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ reference }) },
    );
    expect((await read.json()).customFields).toEqual({ pot_size: "small", units: 4 });
    const document = await (await openApi()).json();
    const schema = document.paths["/api/v1/tickets"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties.customFields.properties)).toEqual(["pot_size", "units"]);
  });
});
