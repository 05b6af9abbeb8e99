"use server";

import type { TicketActionState } from "./run-ticket-action";
import { runTicketAction } from "./run-ticket-action";
import * as commands from "./commands";
import * as s from "./schemas";

// Each is a public POST endpoint: runTicketAction checks the session and role first.
type Action = (previous: TicketActionState, formData: FormData) => Promise<TicketActionState>;

export const acknowledgeAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.acknowledgeSchema, f, (i, actor) => commands.acknowledge(i, actor));

export const recordListeningAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.listenSchema, f, ({ ticketId, version, intent, ...record }, actor) =>
    commands.recordListening(
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

export const recordUnderstandingAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.understandSchema, f, ({ intent, ...i }, actor) =>
    commands.recordUnderstanding({ ...i, advance: intent }, actor),
  );

export const sendClarificationAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.clarificationSchema, f, (i, actor) => commands.sendClarification(i, actor));

export const escalateAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.reasonSchema, f, (i, actor) => commands.escalate(i, actor));

export const chooseResolutionAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.resolutionSchema, f, ({ ticketId, version, intent, ...choice }, actor) =>
    commands.chooseResolution({ ticketId, version, choice, advance: intent }, actor),
  );

export const decideApprovalAction: Action = async (_p, f) =>
  runTicketAction("SUPERVISOR", s.approvalSchema, f, ({ decision, ...i }, actor) =>
    commands.decideApproval({ ...i, approve: decision === "approve" }, actor),
  );

export const sendApologyAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.apologySchema, f, (i, actor) => commands.sendApology(i, actor));

export const advanceAction: Action = async (_p, f) => runTicketAction("AGENT", s.ticketRef, f, (i, actor) => commands.advance(i, actor));

export const replyAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.replySchema, f, (i, actor, files) => commands.reply({ ...i, files }, actor), { withFiles: true });

export const setWaitingAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.waitingSchema, f, (i, actor) => commands.setWaitingOnCustomer(i, actor));

export const reopenAction: Action = async (_p, f) => runTicketAction("AGENT", s.reasonSchema, f, (i, actor) => commands.reopen(i, actor));

export const assignAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.assignSchema, f, ({ assigneeId, ...i }, actor) =>
    commands.assign({ ...i, assigneeId: assigneeId === "me" ? actor.id : (assigneeId ?? null) }, actor),
  );

export const setPriorityAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.prioritySchema, f, (i, actor) => commands.setPriority(i, actor));

export const changeCategoryAction: Action = async (_p, f) =>
  runTicketAction("AGENT", s.categorySchema, f, (i, actor) => commands.changeCategory(i, actor));
