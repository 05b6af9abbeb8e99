import { describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { isDomainError } from "@/domain/errors";
import { drawRandomSample, listAgentScores, listRiskSample } from "./queries";
import { recordQualityReview } from "./reviews";

// "Now" is fixed; the sample reaches back 30 days, to 2026-11-01T10:00Z.
const NOW = new Date("2026-12-01T10:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

interface Spec {
  subject: string;
  stage?: "CLOSED" | "RESOLVE";
  closedDaysAgo?: number;
  agent?: "ayu" | "budi";
  escalated?: boolean;
  rating?: number;
  amount?: string;
  regulatoryBreach?: boolean;
  lateTimer?: boolean;
  reopened?: boolean;
  merged?: boolean;
}

async function world(specs: Spec[]) {
  const db = testDb();
  await resetDatabase();
  const [ayu, budi, sari] = await Promise.all(
    ["ayu", "budi", "sari"].map((name) =>
      db.user.create({ data: { email: `${name}@tanggap.test`, name, passwordHash: "x", role: name === "sari" ? "SUPERVISOR" : "AGENT" } }),
    ),
  );
  const category = await db.category.findFirstOrThrow({ select: { id: true } });
  const customer = await db.customer.create({ data: { email: "siti@contoh.id", name: "Siti" } });
  const ids: Record<string, string> = {};
  let survivor: string | undefined;
  for (const s of specs) {
    const closed = s.closedDaysAgo === undefined ? null : daysAgo(s.closedDaysAgo);
    const t = await db.ticket.create({
      data: {
        trackingTokenHash: `hash-${s.subject}`,
        customerId: customer.id,
        categoryId: category.id,
        assigneeId: s.agent === "budi" ? budi!.id : ayu!.id,
        stage: s.stage ?? "CLOSED",
        subject: s.subject,
        narrative: s.subject,
        acknowledgeBy: daysAgo(40),
        createdAt: daysAgo(40),
        closedAt: closed,
        escalatedAt: s.escalated ? daysAgo(35) : null,
        rating: s.rating ?? null,
        resolutionAmount: s.amount ?? null,
        regulatoryBreachedAt: s.regulatoryBreach ? daysAgo(36) : null,
        mergedIntoId: s.merged ? survivor : null,
      },
    });
    survivor ??= t.id;
    ids[s.subject] = t.id;
    if (s.lateTimer || s.lateTimer === false) {
      await db.slaTimer.create({
        data: {
          ticketId: t.id,
          stage: "LISTEN",
          startedAt: daysAgo(39),
          dueAt: daysAgo(38),
          atRiskAt: daysAgo(38),
          businessMinutes: 480,
          // Fulfilled after its deadline, with no breach recorded: still a breach.
          fulfilledAt: s.lateTimer ? daysAgo(37) : daysAgo(38.5),
        },
      });
    }
    if (s.reopened) await db.ticketEvent.create({ data: { ticketId: t.id, actorType: "CUSTOMER", type: "ticket.reopened" } });
  }
  const criteria = await Promise.all([
    db.qualityCriterion.create({ data: { labelEn: "Listened", labelId: "Mendengarkan", maxScore: 5, sortOrder: 1 } }),
    db.qualityCriterion.create({ data: { labelEn: "Apology", labelId: "Permintaan maaf", maxScore: 10, sortOrder: 2 } }),
    db.qualityCriterion.create({ data: { labelEn: "Old", labelId: "Lama", maxScore: 3, active: false } }),
  ]);
  return { ids, ayu: ayu!, budi: budi!, sari: sari!, criteria };
}

const subjects = (rows: { subject: string }[]) => rows.map((r) => r.subject).sort();

describe("quality review samples", () => {
  it("draws at random only closed complaints of the last 30 days that nobody has reviewed", async () => {
    const { ids, sari, criteria } = await world([
      { subject: "recent-1", closedDaysAgo: 2 },
      { subject: "recent-2", closedDaysAgo: 29 },
      { subject: "reviewed", closedDaysAgo: 3 },
      { subject: "too-old", closedDaysAgo: 31 },
      { subject: "open", stage: "RESOLVE" },
      { subject: "merged", closedDaysAgo: 1, merged: true },
    ]);
    await recordQualityReview(sari, { ticketId: ids.reviewed!, note: "Fine", scores: { [criteria[0].id]: 4, [criteria[1].id]: 8 } });
    expect(subjects(await drawRandomSample(NOW, 50))).toEqual(["recent-1", "recent-2"]);
    const one = await drawRandomSample(NOW, 1);
    expect(one).toHaveLength(1);
    expect(["recent-1", "recent-2"]).toContain(one[0]!.subject);
  });

  it("picks for the risk-based sample each closed complaint with a sign of risk, naming the signs, riskiest first", async () => {
    const { ids, sari, criteria } = await world([
      { subject: "calm", closedDaysAgo: 2, rating: 5, amount: "500000", lateTimer: false },
      { subject: "late-stage", closedDaysAgo: 2, lateTimer: true },
      { subject: "late-regulatory", closedDaysAgo: 3, regulatoryBreach: true },
      { subject: "escalated", closedDaysAgo: 4, escalated: true },
      { subject: "reopened", closedDaysAgo: 5, reopened: true },
      { subject: "rated-2", closedDaysAgo: 6, rating: 2 },
      { subject: "rated-3", closedDaysAgo: 6, rating: 3 },
      { subject: "above-limit", closedDaysAgo: 7, amount: "500000.01" },
      { subject: "many", closedDaysAgo: 20, escalated: true, rating: 1, reopened: true },
      { subject: "risky-but-old", closedDaysAgo: 31, escalated: true },
      { subject: "risky-but-open", stage: "RESOLVE", escalated: true },
      { subject: "risky-reviewed", closedDaysAgo: 8, escalated: true },
    ]);
    await recordQualityReview(sari, {
      ticketId: ids["risky-reviewed"]!,
      note: "Done",
      scores: { [criteria[0].id]: 1, [criteria[1].id]: 1 },
    });
    const rows = await listRiskSample(NOW);
    expect(rows.map((r) => [r.subject, r.reasons])).toEqual([
      ["many", ["escalated", "reopened", "lowRating"]],
      ["late-stage", ["slaBreached"]],
      ["late-regulatory", ["slaBreached"]],
      ["escalated", ["escalated"]],
      ["reopened", ["reopened"]],
      ["rated-2", ["lowRating"]],
      ["above-limit", ["aboveLimit"]],
    ]);
  });
});

describe("quality review scoring", () => {
  it("records one review per complaint against every active criterion and refuses what does not fit", async () => {
    const { ids, sari, ayu, criteria } = await world([
      { subject: "closed", closedDaysAgo: 2 },
      { subject: "open", stage: "RESOLVE" },
    ]);
    const [listened, apology] = criteria;
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      return isDomainError(error, "supervisorRefused") ? [error.details.code, error.details.field ?? null] : error;
    };
    expect(
      await refusal(recordQualityReview(sari, { ticketId: ids.open!, note: "n", scores: { [listened.id]: 1, [apology.id]: 1 } })),
    ).toEqual(["ticketNotClosed", null]);
    expect(await refusal(recordQualityReview(sari, { ticketId: ids.closed!, note: "n", scores: { [listened.id]: 1 } }))).toEqual([
      "scoreMissing",
      `scores.${apology.id}`,
    ]);
    expect(
      await refusal(recordQualityReview(sari, { ticketId: ids.closed!, note: "n", scores: { [listened.id]: 6, [apology.id]: 1 } })),
    ).toEqual(["scoreAboveMax", `scores.${listened.id}`]);
    // Ayu handled it: she may not score it herself.
    expect(
      await refusal(recordQualityReview(ayu, { ticketId: ids.closed!, note: "n", scores: { [listened.id]: 1, [apology.id]: 1 } })),
    ).toEqual(["ownTicket", null]);
    const { reviewId } = await recordQualityReview(sari, {
      ticketId: ids.closed!,
      note: "Warm apology",
      scores: { [listened.id]: 5, [apology.id]: 7 },
    });
    const stored = await testDb().qualityReview.findUniqueOrThrow({
      where: { id: reviewId },
      select: {
        agentId: true,
        reviewerId: true,
        note: true,
        scores: { select: { criterionId: true, score: true, maxScore: true }, orderBy: { maxScore: "asc" } },
      },
    });
    expect(stored).toEqual({
      agentId: ayu.id,
      reviewerId: sari.id,
      note: "Warm apology",
      scores: [
        { criterionId: listened.id, score: 5, maxScore: 5 },
        { criterionId: apology.id, score: 7, maxScore: 10 },
      ],
    });
    expect(
      await refusal(recordQualityReview(sari, { ticketId: ids.closed!, note: "again", scores: { [listened.id]: 1, [apology.id]: 1 } })),
    ).toEqual(["alreadyReviewed", null]);
  });

  it("gives per agent and month the number of reviews and their average percentage of the maximum", async () => {
    const { ids, sari, criteria } = await world([
      { subject: "a1", closedDaysAgo: 2, agent: "ayu" },
      { subject: "a2", closedDaysAgo: 2, agent: "ayu" },
      { subject: "a3", closedDaysAgo: 2, agent: "ayu" },
      { subject: "b1", closedDaysAgo: 2, agent: "budi" },
    ]);
    const [l, a] = criteria; // maxima 5 and 10: 15 in all
    const score = async (subject: string, listened: number, apology: number, at: string) => {
      const { reviewId } = await recordQualityReview(sari, {
        ticketId: ids[subject]!,
        note: "n",
        scores: { [l.id]: listened, [a.id]: apology },
      });
      await testDb().qualityReview.update({ where: { id: reviewId }, data: { createdAt: new Date(at) } });
    };
    // By hand, months in Jakarta time (UTC+7):
    //   a1 (5+10)/15 = 100 %, November.
    //   a2 (3+6)/15 = 60 %, reviewed 30 November 20:00 UTC = 1 December 03:00 +07, so December.
    //   a3 (2+2)/15 = 26.67 %, December. Ayu's December: (60 + 26.67) / 2 = 43.33 → 43.3 %.
    //   b1 (5+5)/15 = 66.67 → 66.7 %, December.
    await score("a1", 5, 10, "2026-11-10T03:00:00Z");
    await score("a2", 3, 6, "2026-11-30T20:00:00Z");
    await score("a3", 2, 2, "2026-12-01T05:00:00Z");
    await score("b1", 5, 5, "2026-12-01T06:00:00Z");
    const rows = (await listAgentScores()).map((r) => [r.agentName, r.month, r.reviews, r.averagePercent]);
    expect(rows).toEqual([
      ["ayu", "2026-12", 2, 43.3],
      ["ayu", "2026-11", 1, 100],
      ["budi", "2026-12", 1, 66.7],
    ]);
  });
});
