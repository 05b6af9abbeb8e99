import { describe, expect, it } from "vitest";
import { slaNotice, type SlaNoticeFacts } from "./staff-notices";

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
    expect(notification.body).toContain("supervisors' queue");
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
