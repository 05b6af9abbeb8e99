import { DomainError } from "@/domain/errors";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { verifyPassword } from "@/server/auth/password";
import { adminChange, type AdminActor } from "./admin-change";
import { createCategory, saveResolutionOption, setAuthorityLimit, updateCategory } from "./commands/categories";
import { addHoliday, removeHoliday, updateCalendar } from "./commands/calendars";
import { deleteSlaTarget, saveSlaTarget } from "./commands/sla";
import { createStaff, resetStaffPassword, setStaffActive, updateStaff } from "./commands/staff";
import { createTeam, renameTeam, setCategoryTeam } from "./commands/teams";
import { deleteTemplate, saveTemplate } from "./commands/templates";

let admin: AdminActor;
let agent: AdminActor;
let supervisor: AdminActor;

async function user(email: string, role: "AGENT" | "SUPERVISOR" | "ADMIN", active = true) {
  return testDb().user.create({ data: { email, name: email, role, active, passwordHash: "x" }, select: { id: true } });
}

const lastAudit = () =>
  testDb().auditLog.findFirstOrThrow({
    orderBy: { id: "desc" },
    select: { actorId: true, entity: true, entityId: true, action: true, before: true, after: true },
  });
const category = (code = "PRODUCT_RETURN") => testDb().category.findUniqueOrThrow({ where: { code }, select: { id: true, teamId: true } });
const calendar = () => testDb().businessCalendar.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } });

describe("admin commands", () => {
  beforeEach(async () => {
    await resetDatabase();
    admin = await user("admin@tanggap.test", "ADMIN");
    agent = await user("agent@tanggap.test", "AGENT");
    supervisor = await user("supervisor@tanggap.test", "SUPERVISOR");
  });

  it("records every kind of admin change in the audit log with what it was before and after", async () => {
    const { id: returns } = await category();
    const cal = await calendar();
    const { userId } = await createStaff(admin, {
      name: "Dewi Lestari",
      email: "dewi@tanggap.test",
      role: "AGENT",
      teamId: null,
      locale: "id",
      password: "a long enough passphrase",
    });
    const created = await lastAudit();
    expect(created).toMatchObject({
      actorId: admin.id,
      entity: "User",
      entityId: userId,
      action: "user.created",
      before: null,
      after: { email: "dewi@tanggap.test", role: "AGENT", active: true },
    });
    expect(JSON.stringify(created)).not.toContain("argon2");

    const { teamId } = await createTeam(admin, { nameEn: "Escalations", nameId: "Eskalasi" });
    expect(await lastAudit()).toMatchObject({
      entity: "Team",
      action: "team.created",
      after: { nameEn: "Escalations", nameId: "Eskalasi" },
    });

    const steps: [string, () => Promise<unknown>, Record<string, unknown>][] = [
      [
        "user.updated",
        () => updateStaff(admin, { userId, role: "SUPERVISOR", teamId }),
        { before: { role: "AGENT", teamId: null }, after: { role: "SUPERVISOR", teamId } },
      ],
      [
        "user.passwordReset",
        () => resetStaffPassword(admin, { userId, password: "another long passphrase" }),
        { before: { password: "(previous)" }, after: { password: "(reset)" } },
      ],
      ["user.deactivated", () => setStaffActive(admin, { userId, active: false }), { before: { active: true }, after: { active: false } }],
      ["user.reactivated", () => setStaffActive(admin, { userId, active: true }), { before: { active: false }, after: { active: true } }],
      [
        "team.renamed",
        () => renameTeam(admin, { teamId, nameEn: "Managers", nameId: "Manajer" }),
        { before: { nameEn: "Escalations", nameId: "Eskalasi" }, after: { nameEn: "Managers", nameId: "Manajer" } },
      ],
      ["category.teamChanged", () => setCategoryTeam(admin, { categoryId: returns, teamId }), { after: { teamId } }],
      [
        "category.created",
        () => createCategory(admin, { code: "DELIVERY", nameEn: "Delivery", nameId: "Pengiriman", sortOrder: 5 }),
        { before: null, after: { code: "DELIVERY" } },
      ],
      [
        "category.updated",
        () => updateCategory(admin, { categoryId: returns, nameEn: "Returns", nameId: "Retur", sortOrder: 0, active: true }),
        { before: { nameEn: "Product return" }, after: { nameEn: "Returns", nameId: "Retur" } },
      ],
      [
        "option.updated",
        () =>
          saveResolutionOption(admin, {
            categoryId: returns,
            kind: "REFUND",
            labelEn: "Money back",
            labelId: "Uang kembali",
            defaultAmount: "100000",
            active: true,
            sortOrder: 0,
          }),
        { before: { labelEn: "Refund", defaultAmount: null }, after: { labelEn: "Money back", defaultAmount: "100000" } },
      ],
      [
        "option.created",
        () =>
          saveResolutionOption(admin, {
            categoryId: returns,
            kind: "GOODWILL_GIFT",
            labelEn: "Gift card",
            labelId: "Kartu hadiah",
            defaultAmount: "50000",
            active: true,
            sortOrder: 9,
          }),
        { before: null, after: { kind: "GOODWILL_GIFT" } },
      ],
      [
        "authority.changed",
        () => setAuthorityLimit(admin, { role: "AGENT", maxAmount: "750000" }),
        { before: { maxAmount: "500000" }, after: { maxAmount: "750000" } },
      ],
      [
        "sla.updated",
        () => saveSlaTarget(admin, { categoryId: null, priority: null, stage: "LISTEN", businessMinutes: 480, atRiskPercent: 80 }),
        { before: { businessMinutes: 540, atRiskPercent: 75 }, after: { businessMinutes: 480, atRiskPercent: 80 } },
      ],
      [
        "sla.created",
        () => saveSlaTarget(admin, { categoryId: returns, priority: "HIGH", stage: "RESOLVE", businessMinutes: 600, atRiskPercent: 50 }),
        { before: null, after: { categoryId: returns, priority: "HIGH" } },
      ],
      [
        "calendar.updated",
        () =>
          updateCalendar(admin, { calendarId: cal.id, timeZone: "Asia/Makassar", hours: [{ weekday: 1, opensAt: 540, closesAt: 1080 }] }),
        {
          before: { timeZone: "Asia/Jakarta" },
          after: { timeZone: "Asia/Makassar", hours: [{ weekday: 1, opensAt: 540, closesAt: 1080 }] },
        },
      ],
      [
        "holiday.added",
        () => addHoliday(admin, { calendarId: cal.id, date: "2026-11-30", nameEn: "Company day", nameId: "Hari perusahaan" }),
        { before: null, after: { date: "2026-11-30", nameEn: "Company day", nameId: "Hari perusahaan" } },
      ],
      [
        "template.updated",
        () =>
          saveTemplate(admin, {
            kind: "APOLOGY",
            locale: "en",
            categoryId: null,
            subject: "Sorry, {customerName}",
            body: "We apologise for {reference}.",
          }),
        { after: { subject: "Sorry, {customerName}" } },
      ],
      [
        "template.created",
        () =>
          saveTemplate(admin, {
            kind: "SURVEY",
            locale: "id",
            categoryId: returns,
            subject: "Bagaimana kami?",
            body: "Nilai penanganan {reference}.",
          }),
        { before: null, after: { categoryId: returns } },
      ],
    ];
    for (const [action, run, shape] of steps) {
      await run();
      expect(await lastAudit(), action).toMatchObject({ actorId: admin.id, action, ...shape });
    }
    expect(
      await verifyPassword(
        "another long passphrase",
        (await testDb().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash,
      ),
    ).toBe(true);

    const holiday = await testDb().holiday.findFirstOrThrow({ where: { nameEn: "Company day" }, select: { id: true } });
    await removeHoliday(admin, { holidayId: holiday.id });
    expect(await lastAudit()).toMatchObject({ action: "holiday.removed", before: { date: "2026-11-30" }, after: null });
    const target = await testDb().slaTarget.findFirstOrThrow({ where: { categoryId: returns }, select: { id: true } });
    await deleteSlaTarget(admin, { targetId: target.id });
    expect(await lastAudit()).toMatchObject({ action: "sla.deleted", entityId: target.id, before: { businessMinutes: 600 }, after: null });
    const template = await testDb().messageTemplate.findFirstOrThrow({
      where: { kind: "SURVEY", categoryId: returns },
      select: { id: true },
    });
    await deleteTemplate(admin, { templateId: template.id });
    expect(await lastAudit()).toMatchObject({ action: "template.deleted", before: { kind: "SURVEY" } });
    expect(await testDb().auditLog.count()).toBe(steps.length + 5);
  });

  it("refuses agents, supervisors and deactivated admins, and writes nothing", async () => {
    const formerAdmin = await user("former@tanggap.test", "ADMIN", false);
    const { id: returns } = await category();
    const attempts = (actor: AdminActor) => [
      () =>
        createStaff(actor, {
          name: "Eve",
          email: "eve@tanggap.test",
          role: "ADMIN",
          teamId: null,
          locale: "en",
          password: "a long enough passphrase",
        }),
      () => updateStaff(actor, { userId: actor.id, role: "ADMIN", teamId: null }),
      () => resetStaffPassword(actor, { userId: admin.id, password: "a long enough passphrase" }),
      () => setStaffActive(actor, { userId: admin.id, active: false }),
      () => createTeam(actor, { nameEn: "Shadow", nameId: "Bayangan" }),
      () => setCategoryTeam(actor, { categoryId: returns, teamId: null }),
      () => createCategory(actor, { code: "SHADOW", nameEn: "Shadow", nameId: "Bayangan", sortOrder: 1 }),
      () => setAuthorityLimit(actor, { role: "AGENT", maxAmount: "5000000" }),
      () => saveSlaTarget(actor, { categoryId: null, priority: null, stage: "NEW", businessMinutes: 1, atRiskPercent: 50 }),
      () => saveTemplate(actor, { kind: "APOLOGY", locale: "en", categoryId: null, subject: "x", body: "y" }),
    ];
    for (const actor of [agent, supervisor, formerAdmin]) {
      for (const attempt of attempts(actor)) await expect(attempt()).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await testDb().auditLog.count()).toBe(0);
    expect(await testDb().user.count({ where: { email: "eve@tanggap.test" } })).toBe(0);
    expect((await testDb().authorityLimit.findUniqueOrThrow({ where: { role: "AGENT" } })).maxAmount.toString()).toBe("500000");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("keeps one active admin: the last one can neither demote nor deactivate themselves", async () => {
    await expect(setStaffActive(admin, { userId: admin.id, active: false })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "lastAdmin" },
    });
    await expect(updateStaff(admin, { userId: admin.id, role: "SUPERVISOR", teamId: null })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "lastAdmin", field: "role" },
    });
    expect(await testDb().auditLog.count()).toBe(0);

    await updateStaff(admin, { userId: supervisor.id, role: "ADMIN", teamId: null });
    await setStaffActive(admin, { userId: admin.id, active: false });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(false);
    // The new admin is now the last one.
    await expect(updateStaff(supervisor, { userId: supervisor.id, role: "AGENT", teamId: null })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "lastAdmin" },
    });
  });

  it("lets only one of two admins demoting each other at the same moment succeed", async () => {
    const second = await user("second@tanggap.test", "ADMIN");
    const results = await Promise.allSettled([
      updateStaff(admin, { userId: second.id, role: "AGENT", teamId: null }),
      updateStaff(second, { userId: admin.id, role: "AGENT", teamId: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("refuses what does not fit what is stored, naming the field", async () => {
    const { id: returns } = await category();
    await expect(
      createStaff(admin, {
        name: "Agent Two",
        email: "agent@tanggap.test",
        role: "AGENT",
        teamId: null,
        locale: "en",
        password: "a long enough passphrase",
      }),
    ).rejects.toMatchObject({ code: "adminRefused", details: { code: "emailTaken", field: "email" } });
    await expect(createTeam(admin, { nameEn: "Returns", nameId: "Retur lain" })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "teamNameTaken", field: "nameEn" },
    });
    await expect(createCategory(admin, { code: "OTHER", nameEn: "Other", nameId: "Lain", sortOrder: 1 })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "categoryCodeTaken", field: "code" },
    });
    await expect(setAuthorityLimit(admin, { role: "AGENT", maxAmount: "6000000" })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "authorityOutOfOrder", values: { role: "SUPERVISOR" } },
    });
    await expect(
      saveResolutionOption(admin, {
        categoryId: returns,
        kind: "APOLOGY_ONLY",
        labelEn: "Apology",
        labelId: "Maaf",
        defaultAmount: "10000",
        active: true,
        sortOrder: 0,
      }),
    ).rejects.toMatchObject({ code: "adminRefused", details: { code: "amountNotForKind" } });
    const fallback = await testDb().slaTarget.findFirstOrThrow({
      where: { categoryId: null, priority: null, stage: "NEW" },
      select: { id: true },
    });
    await expect(deleteSlaTarget(admin, { targetId: fallback.id })).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "fallbackTarget" },
    });
    await expect(
      addHoliday(admin, { calendarId: (await calendar()).id, date: "2026-12-25", nameEn: "Christmas Day", nameId: "Natal" }),
    ).rejects.toMatchObject({
      code: "adminRefused",
      details: { code: "holidayExists", field: "date" },
    });
    expect(await testDb().auditLog.count()).toBe(0);
  });

  it("writes the change and its audit row together or not at all", async () => {
    const failing = adminChange(admin, async ({ tx, audit }) => {
      await tx.team.create({ data: { nameEn: "Half-made", nameId: "Setengah jadi" } });
      await audit({ entity: "Team", entityId: "x", action: "team.created", after: { name: "Half-made" } });
      throw new DomainError("adminRefused", { code: "teamNameTaken" });
    });
    await expect(failing).rejects.toMatchObject({ code: "adminRefused" });
    expect(await testDb().team.count({ where: { nameEn: "Half-made" } })).toBe(0);
    expect(await testDb().auditLog.count()).toBe(0);
  });

  it("signs a deactivated member of staff out of the policy too: they can no longer change anything", async () => {
    const second = await user("second@tanggap.test", "ADMIN");
    await setStaffActive(admin, { userId: second.id, active: false });
    await expect(createTeam(second, { nameEn: "Late", nameId: "Terlambat" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
