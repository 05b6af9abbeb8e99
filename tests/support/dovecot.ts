import { execFileSync, spawnSync } from "node:child_process";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface TestImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

const DOVECOT = "/usr/sbin/dovecot";

/**
 * Debian's Dovecot, installed on first use (the tests run as root on CI, as for Chromium in .ci/run).
 * Throws with the command to run when it is missing and cannot be installed from here.
 */
export function ensureDovecot(): void {
  if (spawnSync(DOVECOT, ["--version"]).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error("Dovecot is missing: run `apt-get install -y dovecot-imapd` as root.");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "dovecot-imapd"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * A throwaway Dovecot: its own configuration, state and maildirs in a temporary folder, plain IMAP
 * (no TLS) on 127.0.0.1 at a free port, and one user from a passwd file. Nothing of the machine's own
 * Dovecot configuration is read, and stop() removes everything.
 */
export async function startDovecot(): Promise<TestImapServer> {
  ensureDovecot();
  const dir = await mkdtemp(join(tmpdir(), "tanggap-dovecot-"));
  // The mail processes run as the package's `dovecot` user, which must reach the maildirs.
  await chmod(dir, 0o755);
  const port = await freePort();
  const user = "helpdesk";
  const password = "imap-test-password";
  const home = join(dir, "home");
  await mkdir(join(home, user), { recursive: true });
  const uid = Number(execFileSync("id", ["-u", "dovecot"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "dovecot"]).toString().trim());
  await chown(home, uid, gid);
  await chown(join(home, user), uid, gid);
  await writeFile(join(dir, "passwd"), `${user}:{PLAIN}${password}:${uid}:${gid}::${join(home, user)}::\n`);
  const conf = join(dir, "dovecot.conf");
  await writeFile(
    conf,
    [
      `base_dir = ${join(dir, "run")}`,
      `state_dir = ${join(dir, "state")}`,
      `log_path = ${join(dir, "dovecot.log")}`,
      "protocols = imap",
      "listen = 127.0.0.1",
      "ssl = no",
      "disable_plaintext_auth = no",
      "auth_mechanisms = plain login",
      "first_valid_uid = 1",
      "mail_location = maildir:~/Maildir",
      "default_login_user = dovenull",
      "default_internal_user = dovecot",
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, "passwd")}\n}`,
      `userdb {\n  driver = passwd-file\n  args = ${join(dir, "passwd")}\n}`,
      `service imap-login {\n  inet_listener imap {\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      "",
    ].join("\n"),
  );
  execFileSync(DOVECOT, ["-c", conf], { stdio: "inherit" });
  await waitForGreeting(port, join(dir, "dovecot.log"));
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    async stop() {
      spawnSync(DOVECOT, ["-c", conf, "stop"]);
      await sleep(200);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForGreeting(port: number, log: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const client = connect(port, "127.0.0.1");
      client.once("data", (data) => {
        client.destroy();
        resolve(data.toString().startsWith("* OK"));
      });
      client.once("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`Dovecot did not start on port ${port}:\n${await readFile(log, "utf8").catch(() => "")}`);
}
