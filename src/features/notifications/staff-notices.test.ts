import { describe, expect, it } from "vitest";
import { escalationNotice, slaNotice, type SlaNoticeFacts } from "./staff-notices";

const at = (local: string) => new Date(`2026-11-23T${local}+07:00`);

const breach: SlaNoticeFacts = {
  kind: "sla.breached",
  timerId: "timer-1",
  ticketId: "ticket-1",
  reference: "TGP-000042",
  stage: "LISTEN",
  occurredAt: at("13:00:00"),
  dueAt: at("13:00:00"),
  detectedAt: at("13:00:30"),
  url: "http://localhost:3000/agent/tickets/TGP-000042",
  priorityRaised: { from: "NORMAL", to: "HIGH" },
  escalated: true,
  timeZone: "Asia/Jakarta",
};

const english = { id: "user-en", email: "sam@tanggap.test", locale: "en" as const };
const indonesian = { id: "user-id", email: "dewi@tanggap.test", locale: "id" as const };

describe("slaNotice", () => {
  it("tells an English-speaking supervisor about a breach, what the policy did, and where to look", () => {
    const { notification, mail } = slaNotice(breach, english);
    expect(notification).toMatchObject({
      userId: "user-en",
      kind: "sla.breached",
      ticketId: "ticket-1",
      dedupeKey: "sla.breached:timer-1:user-en",
      title: "TGP-000042 missed its Listen deadline",
      createdAt: at("13:00:30"),
    });
    expect(notification.body).toContain("was due at Mon 23 Nov, 13:00");
    expect(notification.body).toContain("raised from Normal to High");
    expect(notification.body).toContain("cannot leave the Resolve stage until a supervisor records a settlement");
    expect(notification.body).not.toContain("Noticed");
    expect(mail).toMatchObject({ kind: "notice", to: "sam@tanggap.test", ticketId: "ticket-1", dedupeKey: "sla.breached:timer-1:user-en" });
    expect(mail.subject).toBe("Overdue: TGP-000042 missed its Listen deadline");
    expect(mail.text).toContain("Open the ticket: http://localhost:3000/agent/tickets/TGP-000042");
  });

  it("speaks Bahasa Indonesia to a supervisor who reads it", () => {
    const { notification, mail } = slaNotice(breach, indonesian);
    expect(notification.title).toBe("TGP-000042 melewati tenggat tahap Mendengarkan");
    expect(notification.body).toContain("dinaikkan dari Normal menjadi Tinggi");
    expect(mail.subject).toBe("Terlambat: TGP-000042 melewati tenggat tahap Mendengarkan");
    expect(mail.text).toContain("Buka tiket: http://localhost:3000/agent/tickets/TGP-000042");
    expect(notification.dedupeKey).toBe("sla.breached:timer-1:user-id");
  });

  it("warns of an at-risk stage with its deadline, and says when it was noticed late", () => {
    const facts: SlaNoticeFacts = {
      ...breach,
      kind: "sla.at_risk",
      occurredAt: at("12:00:00"),
      detectedAt: at("13:05:00"),
      priorityRaised: undefined,
      escalated: false,
    };
    const en = slaNotice(facts, english);
    expect(en.notification.title).toBe("TGP-000042 is at risk in Listen");
    expect(en.mail.subject).toBe("At risk: TGP-000042 (Listen) is due at Mon 23 Nov, 13:00 GMT+7");
    expect(en.notification.body).toContain("Noticed 1 hour 5 minutes after it happened");
    expect(en.notification.body).not.toContain("queue");
    const id = slaNotice(facts, indonesian);
    expect(id.notification.body).toContain("Tercatat 1 jam 5 menit setelah terjadi");
  });
});

describe("escalationNotice", () => {
  const facts = {
    ticketId: "ticket-1",
    reference: "TGP-000042",
    reason: "The customer insists the courier never came.",
    by: "Ayu Pratiwi",
    at: at("10:00:00"),
    url: "http://localhost:3000/agent/tickets/TGP-000042",
  };

  it("tells a supervisor who escalated, why, and that the ticket is held for their settlement, with a mail", () => {
    const { notification, mail } = escalationNotice({ ...facts, source: "AGENT" }, { id: "s1", email: "sam@tanggap.test", locale: "en" });
    expect(notification).toMatchObject({ userId: "s1", kind: "ticket.escalated", ticketId: "ticket-1" });
    expect(notification.title).toBe("TGP-000042 is escalated to the supervisors");
    expect(notification.body).toContain("Ayu Pratiwi escalated TGP-000042: The customer insists the courier never came.");
    expect(notification.body).toContain("until a supervisor records a settlement");
    expect(mail).toMatchObject({ kind: "notice", to: "sam@tanggap.test", ticketId: "ticket-1", dedupeKey: notification.dedupeKey });
    expect(mail.text).toContain("http://localhost:3000/agent/tickets/TGP-000042");
  });

  it("says in Bahasa Indonesia why the protocol escalated it on its own", () => {
    const { notification, mail } = escalationNotice(
      { ...facts, source: "DISPUTE", reason: null, by: null },
      { id: "s2", email: "sari@tanggap.test", locale: "id" },
    );
    expect(notification.title).toBe("TGP-000042 dieskalasi ke supervisor");
    expect(notification.body).toContain("dicatat sebagai sengketa");
    expect(mail.subject).toBe("Eskalasi: TGP-000042 menunggu keputusan supervisor");
  });

  it("keys each reader's notice apart, and the same escalation to the same reader alike", () => {
    const one = escalationNotice({ ...facts, source: "AGENT" }, { id: "s1", email: "a@x.test", locale: "en" });
    const again = escalationNotice({ ...facts, source: "AGENT" }, { id: "s1", email: "a@x.test", locale: "en" });
    const other = escalationNotice({ ...facts, source: "AGENT" }, { id: "s2", email: "b@x.test", locale: "en" });
    expect(again.notification.dedupeKey).toBe(one.notification.dedupeKey);
    expect(other.notification.dedupeKey).not.toBe(one.notification.dedupeKey);
  });
});
