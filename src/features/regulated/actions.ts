"use server";

import { action } from "@/lib/actions/action";
import { decideExternalEscalation, recordExternalEscalation, recordOutcome } from "./commands";
import { externalDecisionSchema, externalEscalationSchema, outcomeSchema } from "./schemas";

export const recordOutcomeAction = action({
  role: "AGENT",
  schema: outcomeSchema,
  revalidate: ["/agent", "layout"],
  run: async ({ ticketId, version, ...input }, { staff, t }) => {
    await recordOutcome({ ticketId, version }, input, { id: staff.id, role: staff.role });
    return { message: t("outcome.saved") };
  },
});

export const recordExternalEscalationAction = action({
  role: "AGENT",
  schema: externalEscalationSchema,
  revalidate: ["/agent", "layout"],
  run: async ({ ticketId, version, ...input }, { staff, t }) => {
    await recordExternalEscalation({ ticketId, version }, input, { id: staff.id, role: staff.role });
    return { message: t("external.recorded") };
  },
});

export const decideExternalEscalationAction = action({
  role: "AGENT",
  schema: externalDecisionSchema,
  revalidate: ["/agent", "layout"],
  run: async ({ ticketId, version, ...input }, { staff, t }) => {
    await decideExternalEscalation({ ticketId, version }, input, { id: staff.id, role: staff.role });
    return { message: t("external.decided") };
  },
});
