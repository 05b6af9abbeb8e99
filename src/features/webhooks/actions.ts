"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { AdminFormRefusal, runAdminFormAction } from "@/server/actions/admin-form-action";
import { WebhookTargetRefusedError } from "@/server/webhooks/target";
import { disableWebhookSchema, registerWebhookSchema } from "./schemas";
import { disableWebhook, registerWebhook } from "./service";

// Admins only: runAdminFormAction re-reads the session's user and role before anything else.

export async function registerWebhookAction(
  _previous: FormState<{ url: string; secret: string }>,
  formData: FormData,
): Promise<FormState<{ url: string; secret: string }>> {
  return runAdminFormAction(
    registerWebhookSchema,
    formData,
    (f) => ({ url: f.get("url"), events: f.getAll("events") }),
    async (input, admin, t) => {
      try {
        const { secret } = await registerWebhook(admin.id, input);
        revalidatePath("/admin/webhooks");
        return { url: input.url, secret };
      } catch (error) {
        if (error instanceof WebhookTargetRefusedError) {
          throw new AdminFormRefusal("url", t(`integrations.webhooks.refused.${error.code}`, { host: error.host, address: error.address }));
        }
        throw error;
      }
    },
    ["chooseEvent", "invalidUrl"],
  );
}

export async function disableWebhookAction(
  _previous: FormState<{ message: string }>,
  formData: FormData,
): Promise<FormState<{ message: string }>> {
  return runAdminFormAction(
    disableWebhookSchema,
    formData,
    (f) => ({ id: f.get("id") }),
    async ({ id }, admin, t) => {
      if (!(await disableWebhook(admin.id, id))) throw new AdminFormRefusal(null, t("integrations.webhooks.alreadyDisabled"));
      revalidatePath("/admin/webhooks");
      return { message: t("integrations.webhooks.disabled") };
    },
  );
}
