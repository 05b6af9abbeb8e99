"use server";

import type { z } from "zod";
import { DomainError } from "@/domain/errors";
import type { Role } from "@/domain/roles";
import { action } from "@/lib/actions/action";
import { applyToTickets, type BulkOperation } from "./bulk";
import type { Actor } from "./change-ticket";
import type { SaveOutcome } from "./command-steps";
import * as commands from "./commands";
import * as escalation from "./escalation-commands";
import * as vulnerability from "./vulnerability-commands";
import { getLocale } from "next-intl/server";
import { applyMacro } from "@/features/macros/apply";
import { named } from "@/i18n/named";
import { parseReference } from "@/domain/reference";
import { db } from "@/server/db/prisma";
import { mergeTickets } from "./merge";
import * as hearing from "./hearing-commands";
import * as resolution from "./resolution-commands";
import * as s from "./schemas";

// Each is a public POST endpoint: the pipeline checks the session and role first, and each
// command checks the ticket's version inside its transaction.
function ticketAction<S extends z.ZodType>(
  role: Role,
  schema: S,
  command: (input: z.infer<S>, actor: Actor, files: File[]) => Promise<SaveOutcome | void>,
  { files = false } = {},
) {
  return action({
    role,
    schema,
    files,
    revalidate: ["/agent", "layout"],
    run: async (input, { staff, files, t }) => {
      const outcome = await command(input, { id: staff.id, role: staff.role }, files);
      // What was typed is kept even when the move it asked for is refused.
      if (outcome?.refusal) return new DomainError("protocolRefused", { refusal: outcome.refusal, saved: true });
      return { message: t(outcome?.moved ? "protocol.moved" : "protocol.saved") };
    },
  });
}

export const acknowledgeAction = ticketAction("AGENT", s.acknowledgeSchema, (i, actor) => hearing.acknowledge(i, actor));

export const recordListeningAction = ticketAction("AGENT", s.listenSchema, ({ ticketId, version, intent, ...record }, actor) =>
  hearing.recordListening(
    {
      ticketId,
      version,
      advance: intent,
      record: {
        ...record,
        factsWhat: record.factsWhat ?? "",
        desiredOutcome: record.desiredOutcome ?? "",
        restatement: record.restatement ?? "",
      },
    },
    actor,
  ),
);

export const recordUnderstandingAction = ticketAction("AGENT", s.understandSchema, ({ intent, ...i }, actor) =>
  hearing.recordUnderstanding({ ...i, advance: intent }, actor),
);

export const sendClarificationAction = ticketAction("AGENT", s.clarificationSchema, (i, actor) => hearing.sendClarification(i, actor));

export const escalateAction = ticketAction("AGENT", s.reasonSchema, (i, actor) => escalation.escalate(i, actor));

export const flagVulnerabilityAction = ticketAction("AGENT", s.vulnerabilitySchema, (i, actor) =>
  vulnerability.flagVulnerability(i, actor),
);
export const removeVulnerabilityFlagAction = ticketAction("AGENT", s.removeVulnerabilitySchema, (i, actor) =>
  vulnerability.removeVulnerabilityFlag(i, actor),
);
export const settleEscalationAction = ticketAction("SUPERVISOR", s.settlementSchema, (i, actor) => escalation.settleEscalation(i, actor));

export const chooseResolutionAction = ticketAction("AGENT", s.resolutionSchema, ({ ticketId, version, intent, ...choice }, actor) =>
  resolution.chooseResolution({ ticketId, version, choice, advance: intent }, actor),
);

export const decideApprovalAction = ticketAction("SUPERVISOR", s.approvalSchema, ({ decision, ...i }, actor) =>
  resolution.decideApproval({ ...i, approve: decision === "approve" }, actor),
);

export const sendApologyAction = ticketAction("AGENT", s.apologySchema, ({ override, overrideReason, ...i }, actor) =>
  resolution.sendApology({ ...i, override: override && overrideReason ? { reason: overrideReason } : undefined }, actor),
);

export const replyAction = ticketAction("AGENT", s.replySchema, (i, actor, files) => commands.reply({ ...i, files }, actor), {
  files: true,
});

export const setWaitingAction = ticketAction("AGENT", s.waitingSchema, (i, actor) => commands.setWaitingOnCustomer(i, actor));

export const reopenAction = ticketAction("AGENT", s.reasonSchema, (i, actor) => commands.reopen(i, actor));

export const assignAction = ticketAction("AGENT", s.assignSchema, ({ assigneeId, ...i }, actor) =>
  commands.assign({ ...i, assigneeId: assigneeId === "me" ? actor.id : (assigneeId ?? null) }, actor),
);

export const setPriorityAction = ticketAction("AGENT", s.prioritySchema, (i, actor) => commands.setPriority(i, actor));

export const changeCategoryAction = ticketAction("AGENT", s.categorySchema, (i, actor) => commands.changeCategory(i, actor));

/**
 * The same change to several tickets at once, from the queue (any operation) or the supervisor's
 * board (reassignment). Agents may assign to anyone, as with one ticket; each ticket keeps its own
 * version check and event, and those left unchanged are named with the reason.
 */
export const bulkChangeAction = action({
  role: "AGENT",
  schema: s.bulkSchema,
  input: (f) => ({
    tickets: f.getAll("tickets"),
    operation: f.get("operation"),
    assigneeId: f.get("assigneeId") ?? undefined,
    priority: f.get("priority") ?? undefined,
  }),
  // Both the queue and the board list these tickets.
  revalidate: ["/", "layout"],
  run: async (input, { staff, t }) => {
    const actor = { id: staff.id, role: staff.role };
    const operation: BulkOperation =
      input.operation === "assign"
        ? { kind: "assign", assigneeId: input.assigneeId === "me" ? actor.id : (input.assigneeId ?? null) }
        : input.operation === "priority"
          ? { kind: "priority", priority: input.priority }
          : { kind: input.operation };
    const { done, skipped } = await applyToTickets(input.tickets, operation, actor);
    if (skipped.length) return new DomainError("partlyStale", { done: done.length, skipped });
    return { message: t(`bulk.done.${input.operation}`, { count: done.length }) };
  },
});

/**
 * Merges another complaint into this ticket. Any agent may merge the same customer's duplicates;
 * the command itself refuses another customer's complaint unless the caller is a supervisor.
 */
export const mergeAction = action({
  role: "AGENT",
  schema: s.mergeSchema,
  revalidate: ["/", "layout"],
  run: async ({ ticketId, version, duplicate, duplicateVersion }, { staff, t }) => {
    const found = await db().ticket.findUnique({ where: { number: parseReference(duplicate)! }, select: { id: true } });
    if (!found) throw new DomainError("notFound", { of: "ticket" });
    const outcome = await mergeTickets(
      { survivor: { ticketId, version }, duplicate: { ticketId: found.id, version: duplicateVersion } },
      { id: staff.id, role: staff.role },
    );
    return { message: t("merge.done", { duplicate: outcome.duplicate, survivor: outcome.survivor }) };
  },
});

/** Applies a macro of the agent's or the ticket's team: all its actions in one change, or none. */
export const applyMacroAction = action({
  role: "AGENT",
  schema: s.applyMacroSchema,
  revalidate: ["/agent", "layout"],
  run: async (input, { staff, t }) => {
    const macro = await applyMacro(input, { id: staff.id, role: staff.role, name: staff.name });
    return { message: t("macros.applied", { name: named(macro, await getLocale()) }) };
  },
});
