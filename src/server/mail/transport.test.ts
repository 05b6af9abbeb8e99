import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { createMailTransport, emlFileName, isPermanentFailure } from "./transport";

const message = {
  id: "0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b",
  to: "budi@example.co.id",
  subject: "Tanggapan atas keluhan Anda — TGP-0042",
  text: "Terima kasih, Pak Budi. Dana Rp 75.000 akan kami kembalikan.",
  html: "<p>Terima kasih, <em>Pak Budi</em>.</p>",
  createdAt: new Date("2026-11-23T08:44:25.123Z"),
};

describe("the file transport", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes one complete .eml per mail, named by creation time and id", async () => {
    dir = await mkdtemp(join(tmpdir(), "tanggap-eml-"));
    const transport = createMailTransport({ outboxDir: dir, from: "Toko Maju <cs@tokomaju.test>" });
    expect(transport.kind).toBe("file");
    await transport.send(message);
    await transport.send(message); // a resend replaces the file rather than adding one
    transport.close();

    expect(await readdir(dir)).toEqual(["20261123T084425123Z-0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b.eml"]);
    const parsed = await simpleParser(await readFile(join(dir, emlFileName(message))));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain("<em>Pak Budi</em>");
    expect(parsed.messageId).toBe(`<${message.id}@tokomaju.test>`);
    expect(parsed.from?.value[0]).toMatchObject({ name: "Toko Maju", address: "cs@tokomaju.test" });
  });
});

describe("createMailTransport", () => {
  it("speaks SMTP when given a URL, and names the server without its credentials", () => {
    const transport = createMailTransport({ smtpUrl: "smtp://user:s3cret@mail.example.com:587", from: "x@y.test" });
    expect(transport.kind).toBe("smtp");
    expect(transport.target).toBe("smtp://mail.example.com:587");
    transport.close();
  });
});

describe("isPermanentFailure", () => {
  const refused = (responseCode: number, command = "RCPT TO") => ({ code: "EENVELOPE", command, responseCode });

  it("gives up on a recipient the server refuses for good", () => {
    expect(isPermanentFailure(refused(550))).toBe(true);
    expect(isPermanentFailure(refused(553))).toBe(true);
  });

  it("gives up on an address that cannot be put on the envelope", () => {
    expect(isPermanentFailure({ code: "EENVELOPE", command: "API", message: 'Invalid recipient "a b"' })).toBe(true);
  });

  it("retries what may pass later or is our own configuration", () => {
    expect(isPermanentFailure(refused(451))).toBe(false);
    expect(isPermanentFailure(refused(550, "MAIL FROM"))).toBe(false);
    expect(isPermanentFailure({ code: "EENVELOPE", command: "API", message: 'Invalid sender "x"' })).toBe(false);
    expect(isPermanentFailure({ code: "ECONNECTION" })).toBe(false);
    expect(isPermanentFailure({ code: "EAUTH", responseCode: 535 })).toBe(false);
    expect(isPermanentFailure(new Error("timeout"))).toBe(false);
    expect(isPermanentFailure("boom")).toBe(false);
  });
});
