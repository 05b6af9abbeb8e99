import { describe, expect, it } from "vitest";
import type { RenderedTemplate } from "@/domain/templates";
import { stageDrafts, ticketTemplateValues, type TicketTemplateFacts } from "./ticket-values";

const ticket: TicketTemplateFacts = {
  reference: "TGP-000042",
  locale: "en",
  currency: "IDR",
  resolutionAmount: null,
  customer: { name: "Siti Rahayu" },
  restatement: null,
  finding: null,
  resolutionOption: null,
};
const noMoments = { replyBy: null, deadline: null };

describe("ticketTemplateValues", () => {
  it("leaves the resolution and amount unknown until they are agreed, so the draft keeps their placeholders", () => {
    expect(ticketTemplateValues(ticket, "Ayu Pratiwi", noMoments)).toEqual({
      customerName: "Siti Rahayu",
      reference: "TGP-000042",
      restatement: null,
      finding: null,
      agentName: "Ayu Pratiwi",
      resolution: null,
      amount: null,
      replyBy: null,
      deadline: null,
    });
  });

  it("writes the agreed amount in the customer's currency and language, without cents", () => {
    const values = ticketTemplateValues(
      {
        ...ticket,
        locale: "id",
        resolutionAmount: "2000000.00",
        resolutionOption: { labelEn: "Full refund", labelId: "Pengembalian dana penuh" },
      },
      "Ayu Pratiwi",
      { replyBy: "Senin, 1 Desember 17.00 WIB", deadline: "Selasa, 2 Desember 12.00 WIB" },
    );
    expect(values.amount).toBe(
      new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(2_000_000),
    );
    expect(values.resolution).toBe("Pengembalian dana penuh");
    expect(values.amount).toBe("Rp\u00a02.000.000");
    expect(values.replyBy).toBe("Senin, 1 Desember 17.00 WIB");
    expect(values.deadline).toBe("Selasa, 2 Desember 12.00 WIB");
  });

  it("uses the English label and number format for an English-speaking customer", () => {
    const values = ticketTemplateValues(
      { ...ticket, currency: "USD", resolutionAmount: "1234.56", resolutionOption: { labelEn: "Replacement", labelId: "Penggantian" } },
      "Ayu Pratiwi",
      noMoments,
    );
    expect(values.amount).toBe("$1,235");
    expect(values.resolution).toBe("Replacement");
  });

  it("carries the restatement and the finding forward as the agent recorded them", () => {
    const values = ticketTemplateValues(
      { ...ticket, restatement: "your blender never started", finding: "the batch was damaged in our warehouse" },
      "Ayu Pratiwi",
      noMoments,
    );
    expect(values.restatement).toBe("your blender never started");
    expect(values.finding).toBe("the batch was damaged in our warehouse");
  });
});

describe("stageDrafts", () => {
  it("takes each stage form's draft from its template kind, empty where the kind has no template", () => {
    const templates: RenderedTemplate[] = [
      { kind: "ACKNOWLEDGEMENT", subject: "s", body: "Thank you, Siti." },
      { kind: "APOLOGY", subject: "s", body: "We are sorry." },
      { kind: "RESOLUTION", subject: "s", body: "Here is what we will do." },
    ];
    expect(stageDrafts(templates)).toEqual({ acknowledgement: "Thank you, Siti.", clarification: "", apology: "We are sorry." });
  });
});
