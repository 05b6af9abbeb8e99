import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { endStaffSessions, resetStaffPassword, setStaffActive, updateStaff } from "@/features/admin/commands/staff";

// The session as Auth.js would hand it over from a cookie: what the token carried at sign-in.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sessionVersion?: number } }));
vi.mock("./auth", () => ({ auth: async () => session.current }));
const { currentStaff } = await import("./session");
const { endSessionsOf } = await import("./session-version");

let admin: { id: string };
let agent: { id: string };

/** A cookie copied at sign-in: the version the user had then. */
async function signedIn(userId: string) {
  const { sessionVersion } = await testDb().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { user: { id: userId }, sessionVersion };
}

async function staffWith(cookie: { user: { id: string }; sessionVersion?: number }) {
  session.current = cookie;
  return currentStaff();
}

describe("a staff session is checked against the user's session version on every request", () => {
  beforeEach(async () => {
    await resetDatabase();
    admin = await testDb().user.create({ data: { email: "admin@tanggap.test", name: "Admin", role: "ADMIN", passwordHash: "x" } });
    agent = await testDb().user.create({ data: { email: "agent@tanggap.test", name: "Agent", role: "AGENT", passwordHash: "x" } });
  });

  it("accepts a session signed in at the current version", async () => {
    expect(await staffWith(await signedIn(agent.id))).toMatchObject({ id: agent.id, role: "AGENT" });
  });

  it("refuses a session without a version (issued before versions existed)", async () => {
    expect(await staffWith({ user: { id: agent.id } })).toBeNull();
  });

  it("ends a copied session when its owner signs out, and a stale sign-out changes nothing", async () => {
    const copied = await signedIn(agent.id);
    await endSessionsOf(agent.id, copied.sessionVersion);
    expect(await staffWith(copied)).toBeNull();
    const fresh = await signedIn(agent.id);
    await endSessionsOf(agent.id, copied.sessionVersion);
    expect(await staffWith(fresh)).not.toBeNull();
  });

  it("ends it when an admin resets the password", async () => {
    const copied = await signedIn(agent.id);
    await resetStaffPassword(admin, { userId: agent.id, password: "a brand new passphrase" });
    expect(await staffWith(copied)).toBeNull();
  });

  it("ends it on deactivation, and reactivation does not revive it", async () => {
    const copied = await signedIn(agent.id);
    await setStaffActive(admin, { userId: agent.id, active: false });
    await setStaffActive(admin, { userId: agent.id, active: true });
    expect(await staffWith(copied)).toBeNull();
    expect(await staffWith(await signedIn(agent.id))).not.toBeNull();
  });

  it("ends it on a change of role, not on a change of team alone", async () => {
    const copied = await signedIn(agent.id);
    const team = await testDb().team.findFirstOrThrow({ select: { id: true } });
    await updateStaff(admin, { userId: agent.id, role: "AGENT", teamId: team.id });
    expect(await staffWith(copied)).not.toBeNull();
    await updateStaff(admin, { userId: agent.id, role: "SUPERVISOR", teamId: team.id });
    expect(await staffWith(copied)).toBeNull();
  });

  it("ends it when an admin signs the person out everywhere, and records who did", async () => {
    const copied = await signedIn(agent.id);
    const admins = await signedIn(admin.id);
    await endStaffSessions(admin, { userId: agent.id });
    expect(await staffWith(copied)).toBeNull();
    expect(await staffWith(admins)).not.toBeNull();
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "user.sessionsEnded" },
      select: { actorId: true, entityId: true },
    });
    expect(audit).toEqual({ actorId: admin.id, entityId: agent.id });
  });
});
