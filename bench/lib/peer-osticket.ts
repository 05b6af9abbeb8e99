import { execFile, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ComplaintFields } from "./complaint-request";
import { cookiesOf } from "./http";

// osTicket v1.18.1 as the bench's peer, driven through the scripts kept beside the repo in
// ../shared/peers/osticket (setup.sh installs and deploys it from scratch, stop.sh stops its nginx and
// php-fpm; see their README). Nothing of osTicket is copied into the repo. The pure helpers (credentials,
// CSRF token, cookies, the API ticket) are unit-tested; the rest needs root and the scripts.

const run = promisify(execFile);

export interface OsticketCredentials {
  url: string;
  apiKey: string;
  adminUser: string;
  adminPass: string;
  dbName: string;
  base: string;
}

/** Reads setup.sh's credentials.env: lines of KEY='value' (values never contain a quote). */
export function parseCredentials(text: string): OsticketCredentials {
  const values: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z_]+)='([^']*)'\s*$/.exec(line.trim());
    if (match) values[match[1]!] = match[2]!;
  }
  const need = (key: string) => {
    const value = values[key];
    if (!value) throw new Error(`credentials.env has no ${key}`);
    return value;
  };
  return {
    url: need("OST_URL").replace(/\/$/, ""),
    apiKey: need("OST_API_KEY"),
    adminUser: need("OST_ADMIN_USER"),
    adminPass: need("OST_ADMIN_PASS"),
    dbName: need("OST_DB_NAME"),
    base: need("OST_BASE"),
  };
}

/** The value of the first `__CSRFToken__` hidden input of an osTicket page, or null. */
export function csrfTokenOf(html: string): string | null {
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    if (!/\bname=["']__CSRFToken__["']/i.test(input)) continue;
    const value = /\bvalue=["']([^"']*)["']/i.exec(input)?.[1];
    if (value) return value;
  }
  return null;
}

/** A cookie jar of name=value pairs with `set` applied over it (a cookie set again replaces the old one). */
export function mergeCookies(jar: readonly string[], set: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const pair of [...jar, ...set]) byName.set(pair.slice(0, pair.indexOf("=")), pair);
  return [...byName.values()];
}

/** The body of `POST /api/tickets.json` for the same complaint Tanggap is sent (osTicket's JSON API fields). */
export function osticketTicket(fields: ComplaintFields): string {
  return JSON.stringify({
    name: fields.name,
    email: fields.email,
    phone: fields.phone,
    subject: `${fields.desiredOutcome} (${fields.orderNumber ?? "no order"})`,
    message: fields.narrative,
    ip: "127.0.0.1",
  });
}

/** Whether a staff page is the signed-in panel (a lost session redirects to, or serves, the login form). */
export function isStaffPanel(html: string): boolean {
  return /scp\/logout\.php/.test(html) && !/<form\b[^>]*\bid=["']login["']/.test(html);
}

/**
 * SQL that adds `count` open tickets to osTicket's database by copying its open ones (as its API made
 * them): each copy gets its own ticket, subject row, thread, thread entries and form entries with their
 * values, so the staff queue reads as much per copy as per original. Copies cycle through the
 * originals, oldest first (enough rounds for at least 100 originals; the bench has 1,000). For levels of open tickets the API would take too long to reach on a busy
 * machine; the queue's cost is what is measured there, not the copying.
 */
export function copyOpenTicketsSql(count: number): string {
  if (!Number.isInteger(count) || count <= 0) throw new RangeError(`copy a positive whole number of tickets, not ${count}`);
  const copies = Math.max(1, Math.ceil(count / 100) + 1);
  return `
    SET @t0 = (SELECT MAX(ticket_id) FROM ost_ticket), @th0 = (SELECT MAX(id) FROM ost_thread),
        @te0 = (SELECT MAX(id) FROM ost_thread_entry), @fe0 = (SELECT MAX(id) FROM ost_form_entry);
    CREATE TEMPORARY TABLE bench_map (k INT UNSIGNED PRIMARY KEY, src INT UNSIGNED NOT NULL);
    INSERT INTO bench_map (k, src)
      SELECT ROW_NUMBER() OVER (ORDER BY s.seq, t.ticket_id), t.ticket_id
      FROM ost_ticket t JOIN ost_ticket_status st ON st.id = t.status_id AND st.state = 'open' JOIN seq_1_to_${copies} s
      ORDER BY s.seq, t.ticket_id LIMIT ${count};
    INSERT INTO ost_ticket (ticket_id, ticket_pid, number, user_id, user_email_id, status_id, dept_id, sla_id, topic_id, staff_id,
      team_id, email_id, lock_id, flags, sort, ip_address, source, source_extra, isoverdue, isanswered, duedate, est_duedate, reopened,
      closed, lastupdate, created, updated)
    SELECT @t0 + m.k, NULL, CONCAT('B', @t0 + m.k), t.user_id, t.user_email_id, t.status_id, t.dept_id, t.sla_id, t.topic_id, t.staff_id,
      t.team_id, t.email_id, 0, t.flags, t.sort, t.ip_address, t.source, t.source_extra, t.isoverdue, t.isanswered, t.duedate, t.est_duedate,
      t.reopened, t.closed, t.lastupdate, t.created, t.updated
    FROM bench_map m JOIN ost_ticket t ON t.ticket_id = m.src;
    INSERT INTO ost_ticket__cdata (ticket_id, subject, priority)
    SELECT @t0 + m.k, c.subject, c.priority FROM bench_map m JOIN ost_ticket__cdata c ON c.ticket_id = m.src;
    CREATE TEMPORARY TABLE bench_thread AS
    SELECT th.id AS old_id, @th0 + ROW_NUMBER() OVER (ORDER BY m.k, th.id) AS new_id, @t0 + m.k AS ticket_id
    FROM bench_map m JOIN ost_thread th ON th.object_id = m.src AND th.object_type = 'T';
    INSERT INTO ost_thread (id, object_id, object_type, extra, lastresponse, lastmessage, created)
    SELECT b.new_id, b.ticket_id, 'T', th.extra, th.lastresponse, th.lastmessage, th.created FROM bench_thread b JOIN ost_thread th ON th.id = b.old_id;
    INSERT INTO ost_thread_entry (id, pid, thread_id, staff_id, user_id, type, flags, poster, editor, editor_type, source, title, body, format,
      ip_address, extra, recipients, created, updated)
    SELECT @te0 + ROW_NUMBER() OVER (ORDER BY b.new_id, e.id), 0, b.new_id, e.staff_id, e.user_id, e.type, e.flags, e.poster, e.editor,
      e.editor_type, e.source, e.title, e.body, e.format, e.ip_address, e.extra, e.recipients, e.created, e.updated
    FROM bench_thread b JOIN ost_thread_entry e ON e.thread_id = b.old_id;
    CREATE TEMPORARY TABLE bench_form AS
    SELECT f.id AS old_id, @fe0 + ROW_NUMBER() OVER (ORDER BY m.k, f.id) AS new_id, @t0 + m.k AS ticket_id
    FROM bench_map m JOIN ost_form_entry f ON f.object_id = m.src AND f.object_type = 'T';
    INSERT INTO ost_form_entry (id, form_id, object_id, object_type, sort, extra, created, updated)
    SELECT b.new_id, f.form_id, b.ticket_id, 'T', f.sort, f.extra, f.created, f.updated FROM bench_form b JOIN ost_form_entry f ON f.id = b.old_id;
    INSERT INTO ost_form_entry_values (entry_id, field_id, value, value_id)
    SELECT b.new_id, v.field_id, v.value, v.value_id FROM bench_form b JOIN ost_form_entry_values v ON v.entry_id = b.old_id;
    ANALYZE TABLE ost_ticket, ost_ticket__cdata, ost_thread, ost_thread_entry, ost_form_entry, ost_form_entry_values;`;
}

export interface Osticket extends OsticketCredentials {
  /** Adds `count` open tickets by copying open ones in SQL (copyOpenTicketsSql). */
  copyOpenTickets(count: number): Promise<void>;
  openTickets(): Promise<number>;
  tickets(): Promise<number>;
  signIn(): Promise<string>;
  stop(): Promise<void>;
}

function runScript(script: string, args: string[], logFile: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn("bash", [script, ...args], { stdio: ["ignore", "pipe", "pipe"], env });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bash ${script} failed (exit ${code}); see ${logFile}`))));
  });
}

/**
 * Installs and starts osTicket from scratch with the peer's setup.sh (root; it drops and recreates
 * its own MariaDB database, so it holds one ticket, setup's smoke test), and returns how to reach it.
 */
export async function startOsticket(peerDir: string, logFile: string): Promise<Osticket> {
  const script = join(peerDir, "setup.sh");
  const tarball = join(peerDir, "osticket-v1.18.1.tar.gz");
  if (!existsSync(script) || !existsSync(tarball)) throw new Error(`No osTicket peer in ${peerDir} (setup.sh and the tarball).`);
  if (process.getuid?.() !== 0) throw new Error("The osTicket peer's setup.sh installs Debian packages and must run as root.");
  await runScript(script, [tarball], logFile, process.env);
  const base = process.env.OST_BASE ?? "/tmp/osticket";
  const credentials = parseCredentials(readFileSync(join(base, "credentials.env"), "utf8"));
  const sql = async (query: string) => {
    const { stdout } = await run("mariadb", ["--protocol=socket", "-uroot", "-N", credentials.dbName, "-e", query]);
    return stdout.trim();
  };
  return {
    ...credentials,
    copyOpenTickets: async (count) => {
      await sql(copyOpenTicketsSql(count));
    },
    openTickets: async () =>
      Number(await sql("SELECT COUNT(*) FROM ost_ticket t JOIN ost_ticket_status s ON s.id = t.status_id WHERE s.state = 'open'")),
    tickets: async () => Number(await sql("SELECT COUNT(*) FROM ost_ticket")),
    signIn: () => signInOsticket(credentials.url, credentials.adminUser, credentials.adminPass),
    stop: () => runScript(join(peerDir, "stop.sh"), [], logFile, { ...process.env, OST_BASE: credentials.base }),
  };
}

/**
 * Signs in to osTicket's staff panel as its login form does (the form's CSRF token and session cookie
 * first) and returns the Cookie header that carries the staff session.
 */
export async function signInOsticket(url: string, user: string, password: string): Promise<string> {
  const form = await fetch(`${url}/scp/login.php`);
  const token = csrfTokenOf(await form.text());
  if (!token) throw new Error("osTicket's staff login page has no CSRF token");
  let jar = cookiesOf(form);
  const response = await fetch(`${url}/scp/login.php`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ __CSRFToken__: token, do: "scplogin", userid: user, passwd: password }),
  });
  jar = mergeCookies(jar, cookiesOf(response));
  const cookie = jar.join("; ");
  const panel = await fetch(`${url}/scp/index.php`, { headers: { cookie }, redirect: "manual" });
  if (panel.status !== 200 || !isStaffPanel(await panel.text()))
    throw new Error(`Sign-in to osTicket as ${user} failed: the staff queue answered ${panel.status}`);
  return cookie;
}
