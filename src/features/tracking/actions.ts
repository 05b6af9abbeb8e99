"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { fieldErrors, formValues, type FormState } from "@/features/forms/form-state";
import { limitPublicForm } from "@/server/public-limits";
import { CustomerActionRefusedError, customerReply, rateHandling, reopenByCustomer, sendTrackingLink, UnknownTrackingTokenError } from "./commands";
import { customerReplySchema, lookupSchema, ratingSchema, reopenSchema } from "./schemas";

type State = FormState<{ message: string }>;

// Public endpoints: the tracking token is the only key, checked inside each command.
async function runCustomerAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  form: "reply" | "lookup",
  run: (input: z.infer<S>) => Promise<string>,
  email?: (input: z.infer<S>) => string,
): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { status: "error", message: t("errors.fixFields"), fieldErrors: fieldErrors(parsed.error, t), values };
  // Everything from here touches the database: a failure there is a message, never a bare 500.
  try {
    const limit = await limitPublicForm(form, email?.(parsed.data));
    if (!limit.allowed) {
      return { status: "error", message: t("errors.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), fieldErrors: {}, values, code: "rateLimited" };
    }
    const message = await run(parsed.data);
    const token = (parsed.data as { token?: string }).token;
    if (token) revalidatePath(`/track/${token}`);
    return { status: "success", result: { message } };
  } catch (error) {
    if (error instanceof UnknownTrackingTokenError) return { status: "error", message: t("track.unknownLink"), fieldErrors: {}, values, code: "notFound" };
    if (error instanceof CustomerActionRefusedError) return { status: "error", message: t(`track.refused.${error.code}`), fieldErrors: {}, values, code: error.code };
    console.error("customer action failed", error);
    return { status: "error", message: t("errors.unexpected"), fieldErrors: {}, values, code: "unexpected" };
  }
}

export async function customerReplyAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  return runCustomerAction(formData, customerReplySchema, "reply", async ({ token, body }) => {
    await customerReply(token, body);
    return t("replySent");
  });
}

export async function rateHandlingAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  return runCustomerAction(formData, ratingSchema, "reply", async ({ token, ...rating }) => {
    await rateHandling(token, rating);
    return t("thanksForRating");
  });
}

export async function reopenByCustomerAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  return runCustomerAction(formData, reopenSchema, "reply", async ({ token, reason }) => {
    await reopenByCustomer(token, reason);
    return t("reopened");
  });
}

/** Answers the same whether or not the reference and email belong together. */
export async function lookupAction(_previous: State, formData: FormData): Promise<State> {
  const t = await getTranslations("track");
  return runCustomerAction(
    formData,
    lookupSchema,
    "lookup",
    async ({ reference, email }) => {
      await sendTrackingLink(reference, email);
      return t("lookupSent");
    },
    (input) => input.email,
  );
}
