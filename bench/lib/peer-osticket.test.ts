import { describe, expect, it } from "vitest";
import { benchComplaint } from "./complaint-request";
import { copyOpenTicketsSql, csrfTokenOf, isStaffPanel, mergeCookies, osticketTicket, parseCredentials } from "./peer-osticket";

describe("the osTicket peer's helpers", () => {
  it("reads setup.sh's credentials.env", () => {
    const text = [
      "OST_URL='http://127.0.0.1:8088'",
      "OST_API_KEY='0A1B2C3D4E5F60718293A4B5C6D7E8F9'",
      "OST_ADMIN_USER='ostadmin'",
      "OST_ADMIN_PASS='OstAdmin#Bench2024'",
      "OST_DB_NAME='osticket'",
      "OST_DB_USER='osticket'",
      "OST_DB_PASS='ostDbPass-2024'",
      "OST_BASE='/tmp/osticket'",
      "",
    ].join("\n");
    expect(parseCredentials(text)).toEqual({
      url: "http://127.0.0.1:8088",
      apiKey: "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
      adminUser: "ostadmin",
      adminPass: "OstAdmin#Bench2024",
      dbName: "osticket",
      base: "/tmp/osticket",
    });
    expect(() => parseCredentials("OST_URL='http://x'\n")).toThrow(/OST_API_KEY/);
  });

  it("finds the login form's CSRF token, not another hidden field's value", () => {
    const page = `<form action="login.php" method="post" id="login">
      <input type="hidden" name="do" value="scplogin">
      <input type="hidden" name="__CSRFToken__" value="9f1c0a2b3c4d5e6f" />
      <input type="text" name="userid" value=""></form>`;
    expect(csrfTokenOf(page)).toBe("9f1c0a2b3c4d5e6f");
    expect(csrfTokenOf(`<input value='abc' name='__CSRFToken__' type='hidden'>`)).toBe("abc");
    expect(csrfTokenOf(`<meta name="csrf_token" content="x"><input name="do" value="scplogin">`)).toBeNull();
  });

  it("replaces a cookie set again and keeps the others", () => {
    expect(mergeCookies(["OSTSESSID=old", "lang=en"], ["OSTSESSID=new"])).toEqual(["OSTSESSID=new", "lang=en"]);
    expect(mergeCookies([], ["a=1=2"])).toEqual(["a=1=2"]);
  });

  it("tells the signed-in staff panel from the login form", () => {
    expect(isStaffPanel(`<a href="/scp/logout.php?auth=abc" class="no-pjax">Log Out</a><table class="list queue">`)).toBe(true);
    expect(isStaffPanel(`<form action="login.php" method="post" id="login" onsubmit="x">`)).toBe(false);
  });

  it("sends osTicket the same complaint as Tanggap, as its JSON API takes it", () => {
    const fields = benchComplaint("run1", 7);
    const body = JSON.parse(osticketTicket(fields)) as Record<string, string>;
    expect(body).toMatchObject({ name: fields.name, email: fields.email, message: fields.narrative, ip: "127.0.0.1" });
    expect(body.subject).toContain("ORD-B7");
  });

  it("copies exactly the asked number of open tickets, with every table a ticket's queue row reads", () => {
    const sql = copyOpenTicketsSql(9000);
    expect(sql).toContain("LIMIT 9000;");
    for (const table of ["ost_ticket ", "ost_ticket__cdata", "ost_thread ", "ost_thread_entry", "ost_form_entry ", "ost_form_entry_values"])
      expect(sql).toContain(`INSERT INTO ${table}`);
    // Enough copies of at least 100 originals to reach the count.
    expect(Number(/seq_1_to_(\d+)/.exec(sql)![1]) * 100).toBeGreaterThanOrEqual(9000);
    expect(() => copyOpenTicketsSql(0)).toThrow(RangeError);
    expect(() => copyOpenTicketsSql(1.5)).toThrow(RangeError);
  });
});
