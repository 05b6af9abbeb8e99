"use server";

import { action } from "@/lib/actions/action";
import { recordQualityReview } from "./reviews";
import { qualityReviewInput, qualityReviewSchema } from "./schemas";

// A public POST endpoint: the pipeline checks the session and the SUPERVISOR role before reading the form.
export const recordQualityReviewAction = action({
  role: "SUPERVISOR",
  schema: qualityReviewSchema,
  input: qualityReviewInput,
  revalidate: ["/supervisor/quality"],
  run: async (input, { staff, t }) => {
    await recordQualityReview({ id: staff.id }, input);
    return { message: t("quality.saved") };
  },
});
