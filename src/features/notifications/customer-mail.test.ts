import { describe, expect, it } from "vitest";
import { englishLeftovers } from "../../../tests/support/english-leftovers";
import { renderTemplate, type TemplateKind } from "@/domain/templates";
import type { Locale } from "@/i18n/locales";
import { TEMPLATE_SEEDS } from "@/server/seed/templates";
import { linkMail, receiptMail, replyMail, surveyMail, type CustomerMailContext } from "./customer-mail";

// Monday 30 November 2026, 14:00 in Jakarta.
const replyBy = new Date("2026-11-30T14:00:00+07:00");

const context = (
  locale: Locale,
  trackingUrl: string | null = "https://tanggap.example/track/hy0U1UGHej5iSogK1MuyjFqGkjDJgMZfQxKsX9PYd0g",
): CustomerMailContext => ({
  locale,
  to: "rudi@example.co.id",
  customerName: "Rudi Hartanto",
  reference: "TGP-000042",
  ticketId: "7d1f0b8e-1c7a-4a55-9d43-8f3c2a1b0e11",
  trackingUrl,
});

/** What an agent sends from the seeded draft in the customer's language, filled as the workspace fills it. */
function draft(kind: TemplateKind, locale: Locale): string {
  const seed =
    TEMPLATE_SEEDS.find((s) => s.kind === kind && s.category === "PRODUCT_RETURN") ??
    TEMPLATE_SEEDS.find((s) => s.kind === kind && s.category === null)!;
  const tag = locale === "id" ? "id-ID" : "en-GB";
  return renderTemplate(seed[locale].body, {
    customerName: "Rudi Hartanto",
    reference: "TGP-000042",
    agentName: "Ayu Pratiwi",
    resolution: locale === "id" ? "Pengembalian dana" : "Refund",
    amount: new Intl.NumberFormat(tag, { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(2_000_000),
    replyBy: new Intl.DateTimeFormat(tag, {
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Asia/Jakarta",
    }).format(replyBy),
  });
}

function everyCustomerMail(locale: Locale) {
  const ctx = context(locale);
  return {
    receipt: receiptMail(ctx, replyBy),
    reply: replyMail(ctx, { id: "m1", body: draft("ACKNOWLEDGEMENT", locale), apology: false }),
    apology: replyMail(ctx, { id: "m2", body: draft("APOLOGY", locale), apology: true }),
    survey: surveyMail(ctx),
    link: linkMail(ctx),
    linkLost: receiptMail(context(locale, null), replyBy),
  };
}

describe("the customer's mail in Bahasa Indonesia", () => {
  it.each(Object.entries(everyCustomerMail("id")))("%s has no English left in its subject or text", (_kind, mail) => {
    expect(englishLeftovers(`${mail.subject}\n${mail.text}`)).toEqual([]);
  });

  it("gives the promised time as Indonesians write it, in Jakarta time", () => {
    expect(everyCustomerMail("id").receipt.text).toContain("Senin, 30 November pukul 14.00 WIB");
    expect(everyCustomerMail("en").receipt.text).toContain("Monday 30 November at 14:00");
  });

  it("is told apart from English by the same check, which finds the English mail's phrases", () => {
    const english = everyCustomerMail("en");
    expect(englishLeftovers(english.receipt.text)).toContain(
      "email.receipt.body: Thank you for telling us. Your complaint is registered as",
    );
    for (const mail of Object.values(english)) expect(englishLeftovers(`${mail.subject}\n${mail.text}`)).not.toEqual([]);
  });
});

describe("mail to an address nobody has proven", () => {
  const hostile = { ...context("en"), customerName: "You won! Claim at https://evil.example/prize" };
  it.each([
    ["receipt", receiptMail(hostile, replyBy)],
    ["link", linkMail(hostile)],
  ])("the %s carries none of the words typed on the form and no link but the tracking link", (_kind, mail) => {
    expect(mail.text).not.toContain("evil.example");
    expect(mail.text).not.toContain("You won");
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([hostile.trackingUrl]);
  });
});
