import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import { deleteProposal, saveProposal } from "@/features/admin/commands/proposals";
import { proposalSchema } from "@/features/admin/schemas";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { listPendingApprovals } from "@/features/supervisor/queries";
import { getTicketWorkspace } from "@/features/tickets/queries";
import type { Actor } from "./change-ticket";
import { acknowledge, recordListening, recordUnderstanding } from "./hearing-commands";
import { chooseResolution, sendApology } from "./resolution-commands";

// The framework's proposal as admin-edited data, what the resolve stage makes of it, and what a
// supervisor reads before approving a resolution above an agent's authority.

const at = (local: string) => new Date(`2026-11-${local}+07:00`);

let agent: Actor;
let admin: { id: string };

async function staff(email: string, role: Actor["role"]): Promise<Actor> {
  const user = await testDb().user.create({ data: { email, name: email, role, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role };
}

async function newTicket(category = "PRODUCT_RETURN", desiredOutcome = "Uang kembali", day = "23T09:00:00", customerAsk = "") {
  const input = complaintSchema(() => "2026-11-23").parse({
    customerAsk,
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category,
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome,
    amount: "450000",
  });
  await fileComplaint(input, "id", at(day));
  return testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true, number: true } });
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;

/** Acknowledged, heard and understood: the ticket waits in RESOLVE. */
async function toResolve(ticketId: string, rootCause: "OUR_ERROR" | "CUSTOMER_MISUNDERSTANDING", finding: string, ask = "Refund") {
  const step = async <T>(fn: (v: number) => Promise<T>) => fn(await version(ticketId));
  await step((v) => acknowledge({ ticketId, version: v, body: "Halo Siti, keluhan Anda sudah kami terima." }, agent));
  await step((v) =>
    recordListening(
      {
        ticketId,
        version: v,
        record: {
          factsWhat: "Blender never started",
          // The ask as the agent confirmed it in LISTEN: what the approval card shows.
          desiredOutcome: ask,
          restatement: "You want your money back for a blender that never worked.",
          severity: "MEDIUM",
          safetyRisk: false,
        },
        advance: true,
      },
      agent,
    ),
  );
  await step((v) => recordUnderstanding({ ticketId, version: v, rootCause, finding, disputed: false, advance: true }, agent));
}

const optionOf = async (kind: string, category = "PRODUCT_RETURN") =>
  (await testDb().resolutionOption.findFirstOrThrow({ where: { kind: kind as never, category: { code: category } }, select: { id: true } }))
    .id;
const categoryId = async (code: string) => (await testDb().category.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

describe("the framework's proposal", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("agent@tanggap.test", "AGENT");
    admin = await staff("admin@tanggap.test", "ADMIN");
    await staff("supervisor@tanggap.test", "SUPERVISOR");
  });

  it("is seeded with the framework's defaults, and every proposed option exists in its category", async () => {
    const rules = await testDb().resolutionProposal.findMany({
      select: { rootCause: true, ask: true, kind: true, amountRule: true, category: { select: { code: true } } },
    });
    expect(rules.map((r) => [r.category?.code ?? null, r.rootCause, r.ask, r.kind, r.amountRule]).sort()).toEqual(
      [
        ["PRODUCT_RETURN", "OUR_ERROR", null, "REFUND", "CLAIMED_AMOUNT"],
        ["PRODUCT_RETURN", "OUR_ERROR", "EXCHANGE", "EXCHANGE", null],
        ["PAYMENT_PROBLEM", null, null, "GOODWILL_GIFT", "OPTION_DEFAULT"],
        ["SERVICE_PROBLEM", null, null, "MANAGER_FOLLOW_UP", null],
        [null, "CUSTOMER_MISUNDERSTANDING", null, "EXPLANATION_ONLY", null],
        ["OTHER", "OUR_ERROR", null, "FULL_REFUND", "CLAIMED_AMOUNT"],
      ].sort(),
    );
    // An explanation is offered in every category, so the misunderstanding rule applies everywhere.
    const categories = await testDb().category.findMany({ select: { options: { select: { kind: true, labelEn: true, labelId: true } } } });
    for (const c of categories) expect(c.options.map((o) => o.kind)).toContain("EXPLANATION_ONLY");
  });

  it("pre-selects the proposed option with its amount in RESOLVE, with the authority limits to show the headroom", async () => {
    const { id, number } = await newTicket();
    await toResolve(id, "OUR_ERROR", "Faulty batch from the supplier.");
    const workspace = (await getTicketWorkspace(formatReference(number)))!;
    expect(workspace.proposal).toEqual({
      optionId: await optionOf("REFUND"),
      amount: "450000",
      categoryScoped: true,
      rootCause: "OUR_ERROR",
      ask: null,
    });
    expect(workspace.authorityLimits).toEqual({ AGENT: 500_000, SUPERVISOR: 5_000_000, ADMIN: 50_000_000 });

    const misunderstood = await newTicket("PAYMENT_PROBLEM");
    await toResolve(misunderstood.id, "CUSTOMER_MISUNDERSTANDING", "The second charge was a pre-authorisation, released in 3 days.");
    expect((await getTicketWorkspace(formatReference(misunderstood.number)))!.proposal).toEqual({
      optionId: await optionOf("EXPLANATION_ONLY", "PAYMENT_PROBLEM"),
      amount: null,
      categoryScoped: false,
      rootCause: "CUSTOMER_MISUNDERSTANDING",
      ask: null,
    });
  });

  it("is edited by an admin, audited in the same transaction, and the next workspace proposes the new rule", async () => {
    const { id, number } = await newTicket();
    await toResolve(id, "OUR_ERROR", "Faulty batch from the supplier.");
    const returns = await categoryId("PRODUCT_RETURN");

    const { proposalId } = await saveProposal(admin, {
      ask: null,
      categoryId: returns,
      rootCause: "OUR_ERROR",
      kind: "EXCHANGE",
      amountRule: null,
    });
    const audit = await testDb().auditLog.findFirstOrThrow({
      orderBy: { id: "desc" },
      select: { actorId: true, entity: true, entityId: true, action: true, before: true, after: true },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      entity: "ResolutionProposal",
      entityId: proposalId,
      action: "proposal.updated",
      before: { kind: "REFUND", amountRule: "CLAIMED_AMOUNT" },
      after: { kind: "EXCHANGE", amountRule: null, rootCause: "OUR_ERROR", categoryId: returns },
    });
    // The same scope was edited, not duplicated.
    expect(await testDb().resolutionProposal.count({ where: { categoryId: returns, rootCause: "OUR_ERROR", ask: null } })).toBe(1);
    expect((await getTicketWorkspace(formatReference(number)))!.proposal).toMatchObject({
      optionId: await optionOf("EXCHANGE"),
      amount: null,
    });

    // A rule for any category and root cause catches what nothing more specific covers.
    const { proposalId: catchAll } = await saveProposal(admin, {
      ask: null,
      categoryId: null,
      rootCause: null,
      kind: "APOLOGY_ONLY",
      amountRule: null,
    });
    expect(await testDb().auditLog.findFirst({ where: { entityId: catchAll, action: "proposal.created" } })).not.toBeNull();
    await deleteProposal(admin, { proposalId });
    expect(await testDb().auditLog.findFirst({ where: { entityId: proposalId, action: "proposal.deleted" } })).toMatchObject({
      before: { kind: "EXCHANGE" },
    });
    expect((await getTicketWorkspace(formatReference(number)))!.proposal).toMatchObject({
      optionId: await optionOf("APOLOGY_ONLY"),
      categoryScoped: false,
      rootCause: null,
    });
  });

  it("takes a rule for what the customer asked for: the most specific matching rule proposes, the ask refining category × cause", async () => {
    const returns = await categoryId("PRODUCT_RETURN");
    // The admin page's form, through the shared schema: the seeded Product return × Our error × asked
    // for an exchange → Exchange, edited; its scope is its own, beside the category × cause rule.
    const input = proposalSchema.parse({
      categoryId: returns,
      rootCause: "OUR_ERROR",
      ask: "EXCHANGE",
      kind: "STORE_CREDIT",
      amountRule: "",
    });
    const { proposalId } = await saveProposal(admin, input);
    expect(
      await testDb().auditLog.findFirstOrThrow({ where: { entityId: proposalId }, select: { action: true, before: true, after: true } }),
    ).toMatchObject({
      action: "proposal.updated",
      before: { ask: "EXCHANGE", kind: "EXCHANGE" },
      after: { ask: "EXCHANGE", kind: "STORE_CREDIT", code: "PRODUCT_RETURN × OUR_ERROR × EXCHANGE → STORE_CREDIT" },
    });
    expect(await testDb().resolutionProposal.count({ where: { categoryId: returns, rootCause: "OUR_ERROR" } })).toBe(2);
    await saveProposal(admin, { ...input, kind: "EXCHANGE" });
    expect(await testDb().resolutionProposal.count({ where: { categoryId: returns, rootCause: "OUR_ERROR", ask: "EXCHANGE" } })).toBe(1);
    // Category × ask, for a customer asking for a repair whatever the finding: a new scope.
    const repair = await saveProposal(
      admin,
      proposalSchema.parse({ categoryId: returns, rootCause: "", ask: "REPAIR", kind: "STORE_CREDIT", amountRule: "" }),
    );
    expect(await testDb().auditLog.findFirst({ where: { entityId: repair.proposalId, action: "proposal.created" } })).not.toBeNull();

    const wantsExchange = await newTicket("PRODUCT_RETURN", "Tukar dengan yang baru", "23T09:00:00", "EXCHANGE");
    const wantsRefund = await newTicket("PRODUCT_RETURN", "Uang kembali", "23T09:10:00", "REFUND");
    const wantsRepair = await newTicket("PRODUCT_RETURN", "Tolong diperbaiki", "23T09:20:00", "REPAIR");
    const saidNothing = await newTicket("PRODUCT_RETURN", "Terserah", "23T09:30:00");
    const misunderstood = await newTicket("PRODUCT_RETURN", "Tukar", "23T09:40:00", "EXCHANGE");
    expect(await testDb().ticket.findUniqueOrThrow({ where: { id: wantsExchange.id }, select: { customerAsk: true } })).toEqual({
      customerAsk: "EXCHANGE",
    });
    for (const t of [wantsExchange, wantsRefund, wantsRepair, saidNothing]) await toResolve(t.id, "OUR_ERROR", "Faulty batch.");
    await toResolve(misunderstood.id, "CUSTOMER_MISUNDERSTANDING", "The blender needs its lid locked to start.");
    const proposalOf = async (t: { number: number }) => (await getTicketWorkspace(formatReference(t.number)))!.proposal;

    expect(await proposalOf(wantsExchange)).toEqual({
      optionId: await optionOf("EXCHANGE"),
      amount: null,
      categoryScoped: true,
      rootCause: "OUR_ERROR",
      ask: "EXCHANGE",
    });
    // Category × cause outweighs category × ask: a repair asked of our error still gets the refund.
    for (const t of [wantsRefund, wantsRepair, saidNothing])
      expect(await proposalOf(t)).toMatchObject({ optionId: await optionOf("REFUND"), amount: "450000", ask: null });
    // What the customer asked never outweighs the finding.
    expect(await proposalOf(misunderstood)).toMatchObject({ optionId: await optionOf("EXPLANATION_ONLY"), ask: null });
    // With the finding not yet recorded, category × ask is the most specific that matches.
    const early = await newTicket("PRODUCT_RETURN", "Tolong diperbaiki", "23T10:00:00", "REPAIR");
    expect(await proposalOf(early)).toMatchObject({ optionId: await optionOf("STORE_CREDIT"), rootCause: null, ask: "REPAIR" });
  });

  it("refuses a rule that could never apply or would mislead, and a caller who is not an admin, with no audit row", async () => {
    const service = await categoryId("SERVICE_PROBLEM");
    const audits = await testDb().auditLog.count();
    await expect(
      saveProposal(admin, { ask: null, categoryId: service, rootCause: null, kind: "REFUND", amountRule: null }),
    ).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "kindNotOffered", field: "kind" },
    });
    await expect(
      saveProposal(admin, { ask: null, categoryId: service, rootCause: null, kind: "MANAGER_FOLLOW_UP", amountRule: "OPTION_DEFAULT" }),
    ).rejects.toMatchObject({ details: { code: "amountNotForKind", field: "amountRule" } });
    await expect(
      saveProposal(agent, { ask: null, categoryId: null, rootCause: null, kind: "APOLOGY_ONLY", amountRule: null }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteProposal(admin, { proposalId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      details: { code: "proposalNotFound" },
    });
    expect(await testDb().auditLog.count()).toBe(audits);
    expect(await testDb().resolutionProposal.count()).toBe(6);
  });
});

describe("the approval request a supervisor reads", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("agent@tanggap.test", "AGENT");
    await staff("supervisor@tanggap.test", "SUPERVISOR");
  });

  it("carries the customer's ask, the finding, the agent's reason, earlier complaints and what similar ones were granted", async () => {
    // An earlier complaint of the same kind, closed with a refund within the agent's authority.
    const earlier = await newTicket("PRODUCT_RETURN", "Uang kembali", "23T09:00:00");
    await toResolve(earlier.id, "OUR_ERROR", "Faulty batch.");
    await chooseResolution(
      {
        ticketId: earlier.id,
        version: await version(earlier.id),
        choice: { optionId: await optionOf("REFUND"), amount: "450000" },
        advance: true,
      },
      agent,
    );
    await sendApology(
      {
        ticketId: earlier.id,
        version: await version(earlier.id),
        body: "Siti, kami mohon maaf: blender yang Anda terima rusak karena kesalahan kami saat memeriksa batch dari pemasok. Uang Rp 450.000 sudah kami kembalikan ke rekening Anda.",
      },
      agent,
    );

    const { id, number } = await newTicket("PRODUCT_RETURN", "Tolong ganti uang saya dan ongkos kirimnya", "24T09:00:00", "REFUND");
    await toResolve(id, "OUR_ERROR", "The replacement from the same batch failed too.", "Money back for both blenders and the shipping");
    await chooseResolution(
      {
        ticketId: id,
        version: await version(id),
        choice: { optionId: await optionOf("REFUND"), amount: "900000", note: "Second failure: refund both blenders and the shipping." },
        advance: true,
      },
      agent,
    );

    const [approval] = await listPendingApprovals();
    expect(approval).toMatchObject({ reference: formatReference(number), amount: "900000", currency: "IDR" });
    expect(approval!.context).toEqual({
      categoryEn: "Product return",
      categoryId: "Pengembalian produk",
      ask: "Money back for both blenders and the shipping",
      customerAsk: "REFUND",
      claimed: "450000",
      rootCause: "OUR_ERROR",
      finding: "The replacement from the same batch failed too.",
      reason: "Second failure: refund both blenders and the shipping.",
      customerName: "Siti Rahayu",
      earlier: { count: 1, tickets: [{ reference: formatReference(earlier.number), stage: "CLOSED" }] },
      similar: {
        count: 1,
        median: 450_000,
        latest: [{ reference: formatReference(earlier.number), optionEn: "Refund", optionId: "Pengembalian dana", amount: "450000" }],
      },
    });
  });
});
