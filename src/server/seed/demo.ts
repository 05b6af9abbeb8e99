import { STAGES, type Stage } from "@/domain/stages";
import { stageClock } from "@/domain/sla";
import { summarise } from "@/domain/summary";
import type { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "../auth/password";
import { loadSlaPolicy, targetFor } from "../policy/sla-policy";
import { createTrackingToken } from "../tracking-token";
import { DEMO_COMPLAINTS, type DemoComplaint } from "./demo-complaints";

type Tx = Prisma.TransactionClient;

export const DEMO_PASSWORD = "tanggap-demo";

export const DEMO_STAFF = [
  { email: "agent@tanggap.test", name: "Ayu Pratiwi", role: "AGENT", team: "Returns" },
  { email: "supervisor@tanggap.test", name: "Bima Santoso", role: "SUPERVISOR", team: "Service" },
  { email: "admin@tanggap.test", name: "Citra Wulandari", role: "ADMIN", team: null },
] as const;

export async function seedDemoStaff(tx: Tx): Promise<Record<(typeof DEMO_STAFF)[number]["role"], string>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = {} as Record<(typeof DEMO_STAFF)[number]["role"], string>;
  for (const s of DEMO_STAFF) {
    const team = s.team ? await tx.team.findUnique({ where: { nameEn: s.team }, select: { id: true } }) : null;
    const user = await tx.user.upsert({
      where: { email: s.email },
      create: { email: s.email, name: s.name, role: s.role, passwordHash, teamId: team?.id },
      update: {},
      select: { id: true },
    });
    ids[s.role] = user.id;
  }
  return ids;
}

const HOUR = 3600_000;

/** About thirty complaints across every category and stage, once: skipped when any ticket exists. */
export async function seedDemoComplaints(tx: Tx, staff: { AGENT: string; SUPERVISOR: string }, now = new Date()): Promise<number> {
  if ((await tx.ticket.count()) > 0) return 0;
  const policy = await loadSlaPolicy(tx);
  const categories = await tx.category.findMany({
    select: { id: true, code: true, teamId: true, options: { select: { id: true, kind: true }, orderBy: { sortOrder: "asc" } } },
  });
  for (const complaint of DEMO_COMPLAINTS) {
    const category = categories.find((c) => c.code === complaint.category);
    if (!category) throw new Error(`Reference data is missing category ${complaint.category}`);
    await createDemoTicket(tx, complaint, category, policy, staff, now);
  }
  return DEMO_COMPLAINTS.length;
}

async function createDemoTicket(
  tx: Tx,
  c: DemoComplaint,
  category: { id: string; code: string; teamId: string | null; options: { id: string; kind: string }[] },
  policy: Awaited<ReturnType<typeof loadSlaPolicy>>,
  staff: { AGENT: string; SUPERVISOR: string },
  now: Date,
) {
  const priority = c.priority ?? "NORMAL";
  const filedAt = new Date(now.getTime() - c.filedHoursAgo * HOUR);
  const stageIndex = STAGES.indexOf(c.stage);
  // Earlier stages are spread evenly between filing and the current stage's start.
  const stageStarts = STAGES.slice(0, stageIndex + 1).map((_, i) =>
    i === 0 ? filedAt : new Date(filedAt.getTime() + ((c.filedHoursAgo - c.stageHoursAgo) * HOUR * i) / stageIndex),
  );
  const clockFor = (stage: Stage, start: Date) => stageClock(start, targetFor(policy, category.code, priority, stage), policy.calendar);
  const acknowledgement = clockFor("NEW", filedAt);
  const current = c.stage === "CLOSED" ? null : clockFor(c.stage, stageStarts[stageIndex] ?? filedAt);
  const assigneeId = c.assignee === "supervisor" ? staff.SUPERVISOR : c.assignee === "agent" ? staff.AGENT : null;
  const past = (stage: Stage) => stageIndex > STAGES.indexOf(stage);
  const option = category.options[0];
  const customer = await tx.customer.upsert({
    where: { email: c.email },
    create: { email: c.email, name: c.name, phone: c.phone, locale: c.locale },
    update: {},
    select: { id: true },
  });

  const tracking = createTrackingToken();
  const ticket = await tx.ticket.create({
    data: {
      trackingTokenHash: tracking.hash,
      trackingTokenSealed: tracking.sealed,
      customerId: customer.id,
      categoryId: category.id,
      teamId: category.teamId,
      priority,
      stage: c.stage,
      locale: c.locale,
      assigneeId,
      subject: summarise(c.narrative),
      narrative: c.narrative,
      orderNumber: c.orderNumber,
      amount: c.amount,
      desiredOutcome: c.desiredOutcome,
      waitingOnCustomer: c.waitingOnCustomer ?? false,
      acknowledgeBy: acknowledgement.dueAt,
      stageDueAt: current?.dueAt ?? null,
      stageAtRiskAt: current?.atRiskAt ?? null,
      createdAt: filedAt,
      closedAt: c.stage === "CLOSED" ? stageStarts[stageIndex] : null,
      ...(past("LISTEN") && {
        factsWhat: c.narrative,
        restatement:
          c.locale === "id" ? `Pelanggan menyampaikan: ${summarise(c.narrative)}` : `The customer tells us: ${summarise(c.narrative)}`,
        severity: priority === "URGENT" ? "HIGH" : "MEDIUM",
        safetyRisk: priority === "URGENT",
      }),
      ...(past("UNDERSTAND") && { rootCause: "OUR_ERROR", finding: "Confirmed against the order record." }),
      ...(past("RESOLVE") && option && { resolutionOptionId: option.id, resolutionAmount: c.amount }),
      ...(past("APOLOGISE") && {
        apologySentAt: stageStarts[stageIndex],
        preventiveAction: "Shared with the team lead for the weekly review.",
      }),
    },
    select: { id: true },
  });

  for (const [i, start] of stageStarts.entries()) {
    const stage = STAGES[i] as Stage;
    if (stage === "CLOSED") break;
    const clock = clockFor(stage, start);
    await tx.slaTimer.create({
      data: {
        ticketId: ticket.id,
        stage,
        startedAt: start,
        dueAt: clock.dueAt,
        atRiskAt: clock.atRiskAt,
        businessMinutes: clock.businessMinutes,
        fulfilledAt: stageStarts[i + 1] ?? null,
        pausedAt: i === stageIndex && c.waitingOnCustomer ? new Date(now.getTime() - HOUR) : null,
      },
    });
  }
  await tx.ticketEvent.create({
    data: { ticketId: ticket.id, actorType: "CUSTOMER", type: "ticket.filed", after: { stage: "NEW" }, createdAt: filedAt },
  });
  for (const [i, start] of stageStarts.entries()) {
    if (i === 0) continue;
    await tx.ticketEvent.create({
      data: {
        ticketId: ticket.id,
        actorType: "STAFF",
        actorId: assigneeId,
        type: "stage.changed",
        before: { stage: STAGES[i - 1] },
        after: { stage: STAGES[i] },
        createdAt: start,
      },
    });
  }
  if (past("NEW")) {
    await tx.message.create({
      data: {
        ticketId: ticket.id,
        authorType: "STAFF",
        authorId: assigneeId ?? staff.AGENT,
        visibility: "PUBLIC",
        body:
          c.locale === "id"
            ? `Halo ${c.name}, terima kasih sudah menghubungi kami. Kami sudah membaca keluhan Anda dan sedang menanganinya.`
            : `Hello ${c.name}, thank you for telling us. We have read your complaint and are looking into it.`,
        createdAt: stageStarts[1] ?? filedAt,
      },
    });
  }
}
