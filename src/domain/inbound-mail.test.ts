import { describe, expect, it } from "vitest";
import {
  automatedKind,
  dropTrailingQuotedLines,
  guessLocale,
  parseReplyAddress,
  replyAddress,
  senderName,
  stripIndonesianQuotes,
  threadIds,
  threadRootId,
  ticketIdOfThreadRoot,
  type MailHeaders,
} from "./inbound-mail";

const headers = (h: Record<string, string>): MailHeaders => ({ get: (name) => h[name.toLowerCase()] });

describe("automatedKind", () => {
  it("lets a person's mail through", () => {
    expect(automatedKind(headers({ "content-type": "text/plain" }), "ani@example.com")).toBeNull();
    expect(automatedKind(headers({ "auto-submitted": "no" }), "ani@example.com")).toBeNull();
  });
  it.each([
    [{ "auto-submitted": "auto-replied" }, "autoReply"],
    [{ "auto-submitted": "auto-generated" }, "autoReply"],
    [{ "x-autoreply": "yes" }, "autoReply"],
    [{ precedence: "auto_reply" }, "autoReply"],
    [{ precedence: "bulk" }, "list"],
    [{ precedence: "List" }, "list"],
    [{ precedence: "junk" }, "list"],
    [{ "list-id": "<news.example.com>" }, "list"],
    [{ "list-unsubscribe": "<mailto:x@example.com>" }, "list"],
    [{ "content-type": 'multipart/report; report-type="delivery-status"' }, "bounce"],
    [{ "return-path": "<>" }, "bounce"],
  ] as const)("recognises %o as %s", (h, kind) => {
    expect(automatedKind(headers(h), "someone@example.com")).toBe(kind);
  });
  it("recognises bounces by their sender", () => {
    expect(automatedKind(headers({}), "MAILER-DAEMON@mx.example.com")).toBe("bounce");
    expect(automatedKind(headers({}), "postmaster@example.com")).toBe("bounce");
  });
});

describe("guessLocale", () => {
  it("tells Indonesian from English", () => {
    expect(guessLocale("Saya sudah menunggu dua minggu dan barang belum sampai, tolong dibantu")).toBe("id");
    expect(guessLocale("I have been waiting for two weeks and my order has not arrived")).toBe("en");
  });
  it("falls back to Indonesian", () => {
    expect(guessLocale("")).toBe("id");
    expect(guessLocale("12345")).toBe("id");
  });
});

describe("quote stripping", () => {
  it("cuts at an Indonesian Gmail quote header", () => {
    const text = "Barangnya sudah saya kirim balik.\n\nPada Sen, 1 Des 2026 pukul 10.00 Tanggap <help@toko.test> menulis:\n> Terima kasih";
    expect(stripIndonesianQuotes(text).trim()).toBe("Barangnya sudah saya kirim balik.");
  });
  it("cuts at a quote header wrapped over two lines", () => {
    const text = "Oke.\nPada Sen, 1 Des 2026 pukul 10.00 Tanggap\n<help@toko.test> menulis:\n> lama";
    expect(stripIndonesianQuotes(text).trim()).toBe("Oke.");
  });
  it("cuts Outlook's original-message block and phone signatures", () => {
    expect(stripIndonesianQuotes("Ya benar.\n-----Pesan Asli-----\nDari: A").trim()).toBe("Ya benar.");
    expect(stripIndonesianQuotes("Ya benar.\n\nDikirim dari iPhone saya").trim()).toBe("Ya benar.");
    expect(stripIndonesianQuotes("Ya.\nDari: Tanggap <help@toko.test>\nDikirim: Senin").trim()).toBe("Ya.");
  });
  it("leaves text without quotes alone, including a sentence that starts with Pada", () => {
    const text = "Pada hari Senin saya datang ke toko.\nDari situ saya pulang.";
    expect(stripIndonesianQuotes(text)).toBe(text);
  });
  it("drops trailing quoted lines", () => {
    expect(dropTrailingQuotedLines("Answer\r\n\r\n> old\r\n> older\r\n")).toBe("Answer");
    expect(dropTrailingQuotedLines("> quoted first\nthen mine")).toBe("> quoted first\nthen mine");
  });
});

describe("reply addresses", () => {
  it("round-trips a reference and tag through a plus address", () => {
    const address = replyAddress("help@toko.test", "TGP-000123", "3f9a0c1b2d");
    expect(address).toBe("help+tgp-000123.3f9a0c1b2d@toko.test");
    expect(parseReplyAddress(address)).toEqual({ reference: "TGP-000123", tag: "3f9a0c1b2d" });
    expect(parseReplyAddress("HELP+TGP-000123.3F9A0C1B2D@toko.test")).toEqual({ reference: "TGP-000123", tag: "3f9a0c1b2d" });
  });
  it("finds nothing in a plain or foreign plus address", () => {
    expect(parseReplyAddress("help@toko.test")).toBeNull();
    expect(parseReplyAddress("help+news@toko.test")).toBeNull();
    expect(replyAddress("not-an-address", "TGP-1", "ab")).toBe("not-an-address");
  });
});

describe("threading", () => {
  it("lists In-Reply-To first, then References from the newest", () => {
    expect(threadIds("<c@x>", "<a@x> <b@x> <c@x>")).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
    expect(threadIds(undefined, ["<a@x>", "<b@x>"])).toEqual(["<b@x>", "<a@x>"]);
    expect(threadIds(undefined, undefined)).toEqual([]);
  });
  it("recognises our own thread root", () => {
    const id = "0b7a8c2e-6a55-4d0e-9a51-3d3f1c3b9f00";
    expect(ticketIdOfThreadRoot(threadRootId(id, "toko.test"))).toBe(id);
    expect(ticketIdOfThreadRoot("<something@else>")).toBeNull();
  });
});

describe("senderName", () => {
  it("prefers the display name, else the local part", () => {
    expect(senderName('"Ani Wijaya"', "ani@example.com")).toBe("Ani Wijaya");
    expect(senderName(undefined, "budi.santoso@example.com")).toBe("budi santoso");
    expect(senderName("", "x@example.com")).toBe("x@example.com");
  });
});
