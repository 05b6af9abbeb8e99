"use server";

import { DomainError } from "@/domain/errors";
import { action } from "@/lib/actions/action";
import { disableWebhookSchema, registerWebhookSchema } from "./schemas";
import { disableWebhook, registerWebhook } from "./service";

// Admins only: the pipeline re-reads the session's user and role before anything else.

/** A URL that leads somewhere webhooks may not go is refused on its field (DomainError webhookTargetRefused). */
export const registerWebhookAction = action({
  role: "ADMIN",
  schema: registerWebhookSchema,
  input: (f) => ({ url: f.get("url"), events: f.getAll("events") }),
  revalidate: ["/admin/webhooks"],
  run: async (input, { staff }) => {
    const { secret } = await registerWebhook(staff.id, input);
    return { url: input.url, secret };
  },
});

export const disableWebhookAction = action({
  role: "ADMIN",
  schema: disableWebhookSchema,
  input: (f) => ({ id: f.get("id") }),
  revalidate: ["/admin/webhooks"],
  run: async ({ id }, { staff, t }) => {
    if (!(await disableWebhook(staff.id, id))) throw new DomainError("alreadyGone", { what: "webhook" });
    return { message: t("integrations.webhooks.disabled") };
  },
});
