import { DEFAULT_SLA_TARGETS } from "@/domain/sla";
import type { Prisma } from "@/generated/prisma/client";
import { seedMessageTemplates } from "./templates";
import { seedRegimeCalendars } from "./regime-calendars";

// The framework of standard answers from the design brief, per kind of complaint.
// Amounts are rupiah. Admins edit all of it later; this is only the starting point.
// The teams' names in Bahasa Indonesia; the English one is each team's key.
const TEAM_NAMES_ID: Record<string, string> = { Returns: "Retur", Service: "Layanan", Payments: "Pembayaran" };

const CATEGORIES = [
  {
    code: "PRODUCT_RETURN",
    nameEn: "Product return",
    nameId: "Pengembalian produk",
    team: "Returns",
    options: [
      { kind: "REFUND", labelEn: "Refund", labelId: "Pengembalian dana", defaultAmount: null },
      {
        kind: "STORE_CREDIT",
        labelEn: "Full credit to try another product",
        labelId: "Kredit penuh untuk mencoba produk lain",
        defaultAmount: null,
      },
      { kind: "EXCHANGE", labelEn: "Exchange", labelId: "Penukaran", defaultAmount: null },
      { kind: "APOLOGY_ONLY", labelEn: "Apology", labelId: "Permintaan maaf", defaultAmount: null },
      // A return that comes from a misunderstanding is settled by a clear, personal explanation.
      { kind: "EXPLANATION_ONLY", labelEn: "Explanation", labelId: "Penjelasan", defaultAmount: null },
    ],
  },
  {
    code: "SERVICE_PROBLEM",
    nameEn: "Service problem",
    nameId: "Masalah layanan",
    team: "Service",
    options: [
      { kind: "MANAGER_FOLLOW_UP", labelEn: "Manager follow-up", labelId: "Tindak lanjut oleh manajer", defaultAmount: null },
      { kind: "EXPLANATION_ONLY", labelEn: "Explanation", labelId: "Penjelasan", defaultAmount: null },
      { kind: "GOODWILL_GIFT", labelEn: "Goodwill gift card", labelId: "Kartu hadiah sebagai itikad baik", defaultAmount: "75000" },
    ],
  },
  {
    code: "PAYMENT_PROBLEM",
    nameEn: "Payment problem",
    nameId: "Masalah pembayaran",
    team: "Payments",
    options: [
      { kind: "APOLOGY_ONLY", labelEn: "Apology", labelId: "Permintaan maaf", defaultAmount: null },
      { kind: "REFUND", labelEn: "Refund of the overcharge", labelId: "Pengembalian kelebihan tagihan", defaultAmount: null },
      { kind: "GOODWILL_GIFT", labelEn: "Goodwill gift card", labelId: "Kartu hadiah sebagai itikad baik", defaultAmount: "75000" },
      { kind: "EXPLANATION_ONLY", labelEn: "Explanation", labelId: "Penjelasan", defaultAmount: null },
    ],
  },
  {
    code: "OTHER",
    nameEn: "Something else",
    nameId: "Hal lain",
    team: "Service",
    options: [
      {
        kind: "FULL_REFUND",
        labelEn: "Full refund (the customer is right)",
        labelId: "Pengembalian dana penuh (pelanggan benar)",
        defaultAmount: null,
      },
      { kind: "GOODWILL_GIFT", labelEn: "Goodwill gift card", labelId: "Kartu hadiah sebagai itikad baik", defaultAmount: "75000" },
      { kind: "MANAGER_FOLLOW_UP", labelEn: "Manager follow-up", labelId: "Tindak lanjut oleh manajer", defaultAmount: null },
      { kind: "EXPLANATION_ONLY", labelEn: "Explanation", labelId: "Penjelasan", defaultAmount: null },
    ],
  },
] as const;

// The framework's proposal per category × root cause × the customer's ask (null: any), most specific
// first in effect (src/domain/resolution-proposal.ts). Product returns the business got wrong: a
// refund of what the customer paid, or the exchange when that is what they asked for; payment problems: an apology with a small goodwill gift; service problems: a
// manager settles it; a misunderstanding, whatever the category: an explanation; something else the
// business got wrong: a full refund, as far as the authority limits allow.
const PROPOSALS = [
  { category: "PRODUCT_RETURN", rootCause: "OUR_ERROR", ask: null, kind: "REFUND", amountRule: "CLAIMED_AMOUNT" },
  { category: "PRODUCT_RETURN", rootCause: "OUR_ERROR", ask: "EXCHANGE", kind: "EXCHANGE", amountRule: null },
  { category: "PAYMENT_PROBLEM", rootCause: null, ask: null, kind: "GOODWILL_GIFT", amountRule: "OPTION_DEFAULT" },
  { category: "SERVICE_PROBLEM", rootCause: null, ask: null, kind: "MANAGER_FOLLOW_UP", amountRule: null },
  { category: null, rootCause: "CUSTOMER_MISUNDERSTANDING", ask: null, kind: "EXPLANATION_ONLY", amountRule: null },
  { category: "OTHER", rootCause: "OUR_ERROR", ask: null, kind: "FULL_REFUND", amountRule: "CLAIMED_AMOUNT" },
] as const;

const AUTHORITY_LIMITS = [
  { role: "AGENT", maxAmount: "500000" },
  { role: "SUPERVISOR", maxAmount: "5000000" },
  { role: "ADMIN", maxAmount: "50000000" },
] as const;

// Indonesian national holidays (libur nasional) for the years the demo spans.
// The regimes' fuller calendars (with cuti bersama) are seeded beside it by seedRegimeCalendars.
const HOLIDAYS = [
  ["2026-01-01", "New Year's Day", "Tahun Baru Masehi"],
  ["2026-03-20", "Eid al-Fitr", "Idul Fitri"],
  ["2026-03-21", "Eid al-Fitr", "Idul Fitri"],
  ["2026-05-01", "Labour Day", "Hari Buruh"],
  ["2026-06-01", "Pancasila Day", "Hari Lahir Pancasila"],
  ["2026-08-17", "Independence Day", "Hari Kemerdekaan"],
  ["2026-12-25", "Christmas Day", "Natal"],
  ["2027-01-01", "New Year's Day", "Tahun Baru Masehi"],
  ["2027-05-01", "Labour Day", "Hari Buruh"],
  ["2027-06-01", "Pancasila Day", "Hari Lahir Pancasila"],
  ["2027-08-17", "Independence Day", "Hari Kemerdekaan"],
  ["2027-12-25", "Christmas Day", "Natal"],
] as const;

/**
 * What every installation needs to take its first complaint: categories and their
 * answers, authority limits, a business calendar and the SLA targets. Upserts only,
 * and nothing an admin has changed is overwritten, so it is safe on every start.
 */
export async function seedReferenceData(db: Prisma.TransactionClient): Promise<void> {
  const calendar = await db.businessCalendar.upsert({
    where: { name: "Jakarta office" },
    create: {
      name: "Jakarta office",
      timeZone: "Asia/Jakarta",
      isDefault: true,
      hours: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 8 * 60, closesAt: 17 * 60 })) },
      holidays: { create: HOLIDAYS.map(([date, nameEn, nameId]) => ({ date: new Date(`${date}T00:00:00Z`), nameEn, nameId })) },
    },
    update: {},
  });
  await seedRegimeCalendars(db);

  for (const [sortOrder, c] of CATEGORIES.entries()) {
    const team = await db.team.upsert({
      where: { nameEn: c.team },
      create: { nameEn: c.team, nameId: TEAM_NAMES_ID[c.team] ?? c.team },
      update: {},
    });
    const category = await db.category.upsert({
      where: { code: c.code },
      create: { code: c.code, nameEn: c.nameEn, nameId: c.nameId, sortOrder, teamId: team.id },
      update: {},
    });
    for (const [i, o] of c.options.entries()) {
      await db.resolutionOption.upsert({
        where: { categoryId_kind: { categoryId: category.id, kind: o.kind } },
        create: {
          categoryId: category.id,
          kind: o.kind,
          labelEn: o.labelEn,
          labelId: o.labelId,
          defaultAmount: o.defaultAmount,
          sortOrder: i,
        },
        update: {},
      });
    }
  }

  for (const limit of AUTHORITY_LIMITS) {
    await db.authorityLimit.upsert({ where: { role: limit.role }, create: limit, update: {} });
  }

  await seedMessageTemplates(db);

  // Only into an empty table: an admin may have removed a rule on purpose.
  if ((await db.resolutionProposal.count()) === 0) {
    const categories = await db.category.findMany({ select: { id: true, code: true } });
    const idOf = (code: string | null) => (code === null ? null : (categories.find((c) => c.code === code)?.id ?? null));
    await db.resolutionProposal.createMany({
      data: PROPOSALS.map((p) => ({
        categoryId: idOf(p.category),
        rootCause: p.rootCause,
        ask: p.ask,
        kind: p.kind,
        amountRule: p.amountRule,
      })),
    });
  }

  // Nullable columns cannot take part in an upsert's unique key, so look first.
  if ((await db.slaTarget.count()) === 0) {
    await db.slaTarget.createMany({
      data: DEFAULT_SLA_TARGETS.map((t) => ({
        stage: t.stage,
        priority: t.priority,
        businessMinutes: t.businessMinutes,
        atRiskPercent: t.atRiskPercent,
        calendarId: calendar.id,
      })),
    });
  }
}
