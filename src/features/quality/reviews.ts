import "server-only";
import { DomainError } from "@/domain/errors";
import { isUniqueViolation } from "@/server/db/errors";
import { db } from "@/server/db/prisma";
import type { QualityReviewInput } from "./schemas";

/**
 * Scores a closed complaint against every active criterion of the rubric, once. The agent is the
 * ticket's assignee now; each score keeps its criterion's maximum of the moment.
 */
export async function recordQualityReview(reviewer: { id: string }, input: QualityReviewInput): Promise<{ reviewId: string }> {
  return db()
    .$transaction(async (tx) => {
      const ticket = await tx.ticket.findUnique({
        where: { id: input.ticketId },
        select: { stage: true, assigneeId: true, qualityReview: { select: { id: true } } },
      });
      if (!ticket) throw new DomainError("supervisorRefused", { code: "ticketNotFound" });
      if (ticket.stage !== "CLOSED") throw new DomainError("supervisorRefused", { code: "ticketNotClosed" });
      if (ticket.qualityReview) throw new DomainError("supervisorRefused", { code: "alreadyReviewed" });
      // A review is a second person's look: nobody scores a complaint they handled themselves.
      if (ticket.assigneeId === reviewer.id) throw new DomainError("supervisorRefused", { code: "ownTicket" });
      const criteria = await tx.qualityCriterion.findMany({ where: { active: true }, select: { id: true, maxScore: true, labelEn: true } });
      if (criteria.length === 0) throw new DomainError("supervisorRefused", { code: "rubricEmpty" });
      const scores = criteria.map((c) => {
        const score = input.scores[c.id];
        if (score === undefined) throw new DomainError("supervisorRefused", { code: "scoreMissing", field: `scores.${c.id}` });
        if (score > c.maxScore)
          throw new DomainError("supervisorRefused", { code: "scoreAboveMax", field: `scores.${c.id}`, values: { max: c.maxScore } });
        return { criterionId: c.id, score, maxScore: c.maxScore };
      });
      const review = await tx.qualityReview.create({
        data: {
          ticketId: input.ticketId,
          agentId: ticket.assigneeId,
          reviewerId: reviewer.id,
          note: input.note,
          scores: { create: scores },
        },
        select: { id: true },
      });
      return { reviewId: review.id };
    })
    .catch((error: unknown) => {
      // Two supervisors scoring the same complaint at once: the second is told it is done.
      if (isUniqueViolation(error)) throw new DomainError("supervisorRefused", { code: "alreadyReviewed" });
      throw error;
    });
}
