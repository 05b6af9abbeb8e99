import { describe, expect, it } from "vitest";
import { envProblems } from "./env";

const SECRET = "a-long-enough-secret-0123456789-abcdef";

describe("envProblems", () => {
  it("passes a complete start and the defaults", () => {
    expect(
      envProblems({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://postgres@db:5432/tanggap" }, ["AUTH_SECRET", "DATABASE_URL"]),
    ).toEqual([]);
    // Blank means the default, as an env file's empty line does.
    expect(envProblems({ PORT: "", SMTP_URL: "", SLA_MONITOR_INTERVAL_MS: "", BOARD_REFRESH_MS: "", DATABASE_URL: "" })).toEqual([]);
  });

  it("names a short AUTH_SECRET and says what it needs, in one line", () => {
    expect(envProblems({ AUTH_SECRET: "short", DATABASE_URL: "postgresql://db/tanggap" }, ["AUTH_SECRET"])).toEqual([
      "AUTH_SECRET: must be at least 32 characters (set a random value: openssl rand -base64 33)",
    ]);
  });

  it("names the settings a server cannot start without", () => {
    expect(envProblems({}, ["AUTH_SECRET", "DATABASE_URL"])).toEqual([
      "AUTH_SECRET: is not set (set a random value: openssl rand -base64 33)",
      "DATABASE_URL: is not set (a postgresql:// URL; `npm start` provides an embedded database without one)",
    ]);
    // A build needs neither.
    expect(envProblems({})).toEqual([]);
  });

  it("checks S3_URL without repeating it (it carries the secret)", () => {
    expect(envProblems({ S3_URL: "s3://KEY:SECRET@s3.example.com/tanggap-files?region=ap-southeast-3" })).toEqual([]);
    expect(envProblems({ S3_URL: "" })).toEqual([]);
    const problems = envProblems({ S3_URL: "https://AKIA123:hunter2secret@s3.example.com/tanggap-files" });
    expect(problems).toEqual([expect.stringMatching(/^S3_URL: must start with s3:\/\/ \(HTTPS\) or s3\+http:\/\//)]);
    expect(problems[0]).not.toContain("hunter2secret");
  });

  it("names each malformed setting once, with the range it wants", () => {
    expect(
      envProblems({
        AUTH_SECRET: SECRET,
        PORT: "http",
        MAIL_POLL_MS: "50",
        SLA_MONITOR_INTERVAL_MS: "1.5",
        TRUSTED_PROXY_HOPS: "-1",
        WEBHOOK_ALLOW_PRIVATE: "yes",
        SMTP_URL: "http://mail.example.com",
        DATABASE_URL: "mysql://db/tanggap",
      }),
    ).toEqual([
      "DATABASE_URL: must be a postgresql:// URL",
      "PORT: must be a whole number from 1 to 65535",
      "SMTP_URL: must be an smtp:// or smtps:// URL",
      "MAIL_POLL_MS: must be a whole number of milliseconds from 100 to 3600000",
      "WEBHOOK_ALLOW_PRIVATE: must be 0 or 1",
      "SLA_MONITOR_INTERVAL_MS: must be a whole number of milliseconds from 100 to 3600000",
      "TRUSTED_PROXY_HOPS: must be a whole number from 0 to 10",
    ]);
  });
});
