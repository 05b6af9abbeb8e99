// A real SMTP server on a free loopback port that keeps what it receives: the integration tests
// read it in process, the end-to-end server also writes each mail as a JSON file for the
// Playwright process (tests/e2e/mailbox.ts) to read.
import { EventEmitter, once } from "node:events";
import { mkdir, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  contentBase64: string;
}

export interface CapturedMail {
  /** 1, 2, 3… in the order this server accepted them. */
  seq: number;
  receivedAt: string;
  /** What the client said in MAIL FROM / RCPT TO. */
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  /** The outbox row it came from (the worker's X-Tanggap-Outbox-Id header). */
  outboxId: string | null;
  from: string[];
  to: string[];
  /** Where answers go (a ticket's reply address on mail to customers). */
  replyTo: string[];
  inReplyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  attachments: CapturedAttachment[];
}

export interface SmtpCapture {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  readonly port: number;
  /** Every mail accepted so far, in order. */
  readonly mails: readonly CapturedMail[];
  /** RCPT TO answers refused so far. */
  readonly refusals: number;
  /** From now on refuse every recipient with this reply (4xx: try later; 5xx: for good). */
  refuse(code: number, message?: string): void;
  /** From now on accept mail again. */
  accept(): void;
  /** The first mail (already here or still to come) that matches, or a rejection after `timeoutMs`. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Forgets the mails received and refusals made so far (not the files written). */
  clear(): void;
  close(): Promise<void>;
}

export interface SmtpCaptureOptions {
  /** Also write each mail as `<dir>/<time>-<seq>.json` (written whole, then renamed into place). */
  dir?: string;
  port?: number;
}

export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const arrivals = new EventEmitter();
  let refusal: { code: number; message: string } | null = null;
  let refusals = 0;
  let seq = 0;
  if (options.dir) await mkdir(options.dir, { recursive: true });

  const server = new SMTPServer({
    logger: false,
    // No certificate to offer: a client that saw STARTTLS would try it and fail.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    // Any credentials in SMTP_URL are accepted; tests are about what is sent, not who sends it.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "test" }),
    closeTimeout: 1_000,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      refusals++;
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        void (async () => {
          const parsed = await simpleParser(Buffer.concat(chunks));
          const mail: CapturedMail = {
            seq: ++seq,
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            messageId: parsed.messageId ?? null,
            outboxId: headerText(parsed.headers.get("x-tanggap-outbox-id")),
            from: addresses(parsed.from),
            to: addresses(parsed.to),
            replyTo: addresses(parsed.replyTo),
            inReplyTo: parsed.inReplyTo ?? null,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || null,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? null,
              contentType: a.contentType,
              size: a.size,
              contentBase64: a.content.toString("base64"),
            })),
          };
          if (options.dir) {
            const file = join(options.dir, `${Date.now()}-${String(mail.seq).padStart(5, "0")}.json`);
            await writeFile(`${file}.partial`, JSON.stringify(mail, null, 2));
            await rename(`${file}.partial`, file);
          }
          mails.push(mail);
          arrivals.emit("mail", mail);
        })().then(() => callback(), callback);
      });
    },
  });

  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server.server, "listening");
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    get refusals() {
      return refusals;
    },
    refuse(code, message = code < 500 ? "Try again later" : "Mailbox unavailable") {
      refusal = { code, message };
    },
    accept() {
      refusal = null;
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const found = mails.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onMail = (mail: CapturedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          arrivals.off("mail", onMail);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          arrivals.off("mail", onMail);
          reject(new Error(`No matching mail within ${timeoutMs} ms (${mails.length} received)`));
        }, timeoutMs);
        arrivals.on("mail", onMail);
      });
    },
    clear() {
      mails.length = 0;
      refusals = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((o) => o.value.map((v) => v.address ?? "")).filter(Boolean);
}

function headerText(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
