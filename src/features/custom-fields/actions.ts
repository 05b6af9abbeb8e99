"use server";

import { action } from "@/lib/actions/action";
import { formValues } from "@/lib/forms/form-state";
import { answersByCategory, withFormAnswers } from "@/lib/forms/custom-fields";
import { storableString } from "@/lib/forms/storable-string";
import { ticketRef } from "@/features/protocol/schemas";
import { saveInternalAnswers } from "./commands";
import { loadFieldDefinitions } from "./queries";

/**
 * Staff fill the internal custom fields of a ticket's category in the workspace. The schema is
 * built for this request from the definitions as they are now, like the complaint's.
 */
export const saveInternalAnswersAction = action({
  role: "AGENT",
  schema: async () => {
    const answers = answersByCategory(await loadFieldDefinitions(), "staff");
    return ticketRef
      .extend({ category: storableString({ error: "invalid" }), customFields: answers.schema })
      .superRefine((input, ctx) => answers.requireForCategory(input, ctx), { when: () => true });
  },
  input: (formData) => withFormAnswers(formValues(formData), formData),
  revalidate: ["/agent", "layout"],
  run: async ({ ticketId, version, category, customFields }, { staff, t }) => {
    await saveInternalAnswers({ ticketId, version, category, customFields }, { id: staff.id, role: staff.role });
    return { message: t("customFields.saved") };
  },
});
