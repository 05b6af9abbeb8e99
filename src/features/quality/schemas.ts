import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";

// One schema for the review form and its action. Each criterion's score is its own input,
// `scores.<criterionId>`, so a refusal lands on the criterion it concerns.

const score = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v),
  z
    .number({ error: "invalidNumber" })
    .int({ error: "invalidNumber" })
    .min(0, { error: "invalidNumber" })
    .max(1000, { error: "invalidNumber" }),
);

export const qualityReviewSchema = z.object({
  ticketId: z.uuid({ error: "invalid" }),
  note: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
  scores: z.record(z.uuid({ error: "invalid" }), score),
});
export type QualityReviewInput = z.infer<typeof qualityReviewSchema>;

/** The form's fields as the schema reads them: `scores.<id>` inputs gathered into one record. */
export function qualityReviewInput(formData: FormData): unknown {
  const scores: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("scores.")) scores[key.slice("scores.".length)] = value;
  return { ticketId: formData.get("ticketId"), note: formData.get("note"), scores };
}

/** How many complaints the random sample draws: the page's `n`, 1–50, 5 when absent or unreadable. */
export const sampleSizeSchema = z.coerce.number().int().min(1).max(50).catch(5);
