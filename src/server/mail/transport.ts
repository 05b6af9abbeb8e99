import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/env";

/** One outbox row, as the transport needs it. */
export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
  /** For mail about a ticket: the headers that keep it in one thread in the customer's mail program. */
  thread?: { inReplyTo: string; references: string[] };
  /** Where answers should go (a ticket's reply address); MAIL_FROM otherwise. */
  replyTo?: string;
  /** Files sent with the mail (a regulated letter's PDF). */
  attachments?: { fileName: string; contentType: string; content: Uint8Array }[];
}

export interface MailTransport {
  readonly kind: "smtp" | "file";
  /** Where mail goes, without credentials, for the log. */
  readonly target: string;
  /** Resolves once the mail is handed over (accepted by the SMTP server, or written); throws otherwise. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailTransportOptions {
  /** smtp:// or smtps:// URL; without one, mail is written as .eml files. */
  smtpUrl?: string;
  from?: string;
  /** Where .eml files go without SMTP. */
  outboxDir?: string;
}

/** Relative to the working directory, which the launcher sets to the project's root. */
export const DEFAULT_OUTBOX_DIR = "./.data/outbox";

// Each stage of an SMTP exchange is bounded, so one send cannot outlive the worker's lease
// on the row (see worker.ts): a hung server fails the attempt instead of risking a second send.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
/** The longest one send can take: the worker only starts a send with at least this much lease left. */
export const MAX_SEND_MS = SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;

/** Over SMTP when a URL is configured, else into files; options default to the environment. */
export function createMailTransport(options: MailTransportOptions = {}): MailTransport {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL;
  const from = options.from ?? env().MAIL_FROM;
  return smtpUrl
    ? smtpTransport(smtpUrl, from)
    : fileTransport(resolve(/* turbopackIgnore: true */ options.outboxDir ?? DEFAULT_OUTBOX_DIR), from);
}

function smtpTransport(url: string, from: string): MailTransport {
  // Not pooled: the worker sends a handful at a time, and an idle pooled connection would
  // outlive the server's own timeout between polls.
  // Built directly so the timeouts survive: createTransport({ url }) keeps only what the URL says.
  // Settings in the URL's query (?socketTimeout=…) still win.
  const transporter = nodemailer.createTransport(new SMTPTransport({ url, ...SMTP_TIMEOUTS }));
  return {
    kind: "smtp",
    target: describeSmtpUrl(url),
    async send(message) {
      await transporter.sendMail(compose(message, from));
    },
    close: () => transporter.close(),
  };
}

function fileTransport(dir: string, from: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "file",
    target: dir,
    async send(message) {
      const info = await builder.sendMail(compose(message, from));
      await mkdir(dir, { recursive: true });
      const file = join(dir, emlFileName(message));
      // Written whole, then renamed: a reader never sees half a message, and a resend replaces it.
      const partial = `${file}.partial`;
      await writeFile(partial, info.message);
      await rename(partial, file);
    },
    close: () => builder.close(),
  };
}

function describeSmtpUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** `<createdAt>-<id>.eml`, the time without separators so the name sorts and suits any file system. */
export function emlFileName(message: Pick<MailMessage, "id" | "createdAt">): string {
  return `${message.createdAt.toISOString().replace(/[-:.]/g, "")}-${message.id}.eml`;
}

function compose(message: MailMessage, from: string): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    // Stable per row: if a crash ever makes us send one twice, mail systems can tell it is the same.
    messageId: `<${message.id}@${domainOf(from)}>`,
    ...(message.thread ? { inReplyTo: message.thread.inReplyTo, references: message.thread.references } : {}),
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: Buffer.from(a.content),
          })),
        }
      : {}),
    headers: { "X-Tanggap-Outbox-Id": message.id },
  };
}

function domainOf(from: string): string {
  return /@([^\s>]+)/.exec(from)?.[1] ?? "tanggap.invalid";
}

/**
 * A failure that trying again cannot fix: the server refused this recipient for good (5xx to
 * RCPT TO), or the address cannot even be put on the envelope. Anything else — a refused
 * connection, a 4xx, a timeout, a rejected sender (our configuration) — is worth retrying.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, command, responseCode } = error as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (code !== "EENVELOPE") return false;
  // Checks nodemailer makes before connecting: a malformed recipient fails alike every time.
  if (command === "API") return /recipient/i.test(String((error as { message?: unknown }).message));
  return command === "RCPT TO" && typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
}
