import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";

export const registerWebhookSchema = z.object({
  url: storableString({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(2000, { error: "tooLong" })
    .pipe(z.url({ protocol: /^https?$/, error: "invalidUrl" })),
  events: z.array(z.enum(WEBHOOK_EVENTS as [string, ...string[]], { error: "invalidChoice" })).min(1, { error: "chooseEvent" }),
});

export const disableWebhookSchema = z.object({ id: z.uuid({ error: "invalid" }) });
