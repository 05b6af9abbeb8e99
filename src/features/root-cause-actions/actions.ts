"use server";

import { action } from "@/lib/actions/action";
import { recordRootCauseAction, setRootCauseActionStatus } from "./commands";
import { recordRootCauseActionSchema, setRootCauseActionStatusSchema } from "./schemas";

// Public POST endpoints: the pipeline checks the session and the SUPERVISOR role before reading the form.
export const recordRootCauseActionAction = action({
  role: "SUPERVISOR",
  schema: recordRootCauseActionSchema,
  revalidate: ["/supervisor/actions"],
  run: async (input, { staff, t }) => {
    await recordRootCauseAction({ id: staff.id }, input);
    return { message: t("rootCauseActions.saved") };
  },
});

export const setRootCauseActionStatusAction = action({
  role: "SUPERVISOR",
  schema: setRootCauseActionStatusSchema,
  revalidate: ["/supervisor/actions"],
  run: async (input, { t }) => {
    await setRootCauseActionStatus(input);
    return { message: t(input.status === "DONE" ? "rootCauseActions.markedDone" : "rootCauseActions.reopened") };
  },
});
