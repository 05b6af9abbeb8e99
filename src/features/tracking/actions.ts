"use server";

import { action } from "@/lib/actions/action";
import { customerReply, rateHandling, reopenByCustomer, sendTrackingLink } from "./commands";
import { customerReplySchema, lookupSchema, ratingSchema, reopenSchema } from "./schemas";

// Public endpoints: the tracking token is the only key, checked inside each command.
// Text and files are checked together, so one answer names every problem; whatever sends the
// form back keeps the text, and says the files must be chosen again (a browser cannot refill them).
const trackingPage = ({ token }: { token: string }): [string] => [`/track/${token}`];

/** The customer writes back, with up to five files (the "attachments" field), as on the complaint form. */
export const customerReplyAction = action({
  public: { limit: "reply" },
  schema: customerReplySchema,
  files: true,
  revalidate: trackingPage,
  run: async ({ token, body }, { files, t }) => {
    await customerReply(token, body, new Date(), files);
    return { message: t("track.replySent") };
  },
});

export const rateHandlingAction = action({
  public: { limit: "reply" },
  schema: ratingSchema,
  revalidate: trackingPage,
  run: async ({ token, ...rating }, { t }) => {
    await rateHandling(token, rating);
    return { message: t("track.thanksForRating") };
  },
});

export const reopenByCustomerAction = action({
  public: { limit: "reply" },
  schema: reopenSchema,
  revalidate: trackingPage,
  run: async ({ token, reason }, { t }) => {
    await reopenByCustomer(token, reason);
    return { message: t("track.reopened") };
  },
});

/** Answers the same whether or not the reference and email belong together. */
export const lookupAction = action({
  // A program filled the field no person sees: nothing is counted, looked up or mailed.
  public: { limit: "lookup", limitEmail: (input) => input.email, honeypot: true },
  schema: lookupSchema,
  run: async ({ reference, email }, { t }) => {
    await sendTrackingLink(reference, email);
    return { message: t("track.lookupSent") };
  },
});
