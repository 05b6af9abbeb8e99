import { describe, expect, it } from "vitest";
import { noticeColumns, readNotice, renderNotice, type NoticeMessage } from "./notice-message";

// Every notice Tanggap writes today, as its writers compose it.
const NOTICES: NoticeMessage[] = [
  {
    key: "atRisk",
    values: {
      reference: "TGP-000001",
      stage: { stage: "LISTEN" },
      due: { at: "2026-11-23T06:00:00Z", timeZone: "Asia/Jakarta" },
      moment: { at: "2026-11-23T04:00:00Z", timeZone: "Asia/Jakarta" },
    },
    lines: [{ key: "atRisk.body" }, { key: "noticedLate", values: { late: { minutes: 65 } } }],
  },
  {
    key: "breached",
    values: {
      reference: "TGP-000001",
      stage: { stage: "RESOLVE" },
      due: { at: "2026-11-23T06:00:00Z", timeZone: "Asia/Jakarta" },
      moment: { at: "2026-11-23T06:00:00Z", timeZone: "Asia/Jakarta" },
    },
    lines: [
      { key: "breached.body" },
      { key: "priorityRaised", values: { from: { priority: "NORMAL" }, to: { priority: "HIGH" } } },
      { key: "escalated" },
    ],
  },
  {
    key: "approvalRequested",
    values: { reference: "TGP-000002", amount: { amount: 150000, currency: "IDR" } },
    lines: [{ key: "approvalRequested.body" }],
  },
  { key: "approvalApproved", values: { reference: "TGP-000002", reason: "ok" }, lines: [{ key: "approvalApproved.body" }] },
  { key: "approvalDenied", values: { reference: "TGP-000002", reason: "no" }, lines: [{ key: "approvalDenied.body" }] },
  { key: "customerReplied", values: { reference: "TGP-000003" }, lines: [{ key: "customerReplied.body" }] },
  {
    key: "safetyRaised",
    values: { reference: "TGP-000004" },
    lines: [
      { key: "safetyRaised.safetyRisk" },
      { key: "priorityRaised", values: { from: { priority: "LOW" }, to: { priority: "URGENT" } } },
    ],
  },
  { key: "safetyRaised", values: { reference: "TGP-000004" }, lines: [{ key: "safetyRaised.critical" }] },
];

describe("notice messages", () => {
  it.each(NOTICES.map((n) => [`${n.key} / ${n.lines[0]!.key}`, n] as const))(
    "words %s in both languages, every value filled",
    (_, message) => {
      const en = renderNotice(message, "en");
      const id = renderNotice(message, "id");
      expect(en).not.toBeNull();
      expect(id).not.toBeNull();
      for (const text of [en!.title, en!.body, id!.title, id!.body]) {
        expect(text).not.toMatch(/[{}]|\[object/);
        expect(text.length).toBeGreaterThan(5);
      }
      expect(id!.title).not.toBe(en!.title);
      expect(id!.body).not.toBe(en!.body);
    },
  );

  it("words values for the reader: stages, priorities, moments in the zone, amounts and durations", () => {
    const breach = NOTICES[1]!;
    expect(renderNotice(breach, "id")!.body).toContain("Menyelesaikan");
    expect(renderNotice(breach, "id")!.body).toContain("dinaikkan dari Normal menjadi Tinggi");
    expect(renderNotice(breach, "en")!.body).toContain("13:00");
    expect(renderNotice(NOTICES[2]!, "id")!.body).toMatch(/Rp\s?150\.000/);
    expect(renderNotice(NOTICES[0]!, "id")!.body).toContain("1 jam 5 menit");
  });

  it("reads a stored row in today's language, and falls back to the stored text for an unknown key or old row", () => {
    const columns = noticeColumns(NOTICES[5]!, "en");
    expect(readNotice(columns, "id").title).toBe(renderNotice(NOTICES[5]!, "id")!.title);
    expect(readNotice({ ...columns, messageKey: "gone" }, "id")).toEqual({ title: columns.title, body: columns.body });
    expect(readNotice({ messageKey: null, messageParams: null, title: "T", body: "B" }, "en")).toEqual({ title: "T", body: "B" });
    expect(readNotice({ ...columns, messageParams: { broken: true } }, "id").title).toBe(columns.title);
  });

  it("refuses to write a notice whose key the catalogue does not know", () => {
    expect(() => noticeColumns({ key: "nothing", values: {}, lines: [] }, "en")).toThrow(/Unknown notice key/);
  });
});
