import { describe, expect, it } from "vitest";
import { benchComplaint, complaintBody, filedReference, findActionId, isFiledResponse } from "./complaint-request";

describe("the complaint form's request, as the browser sends it", () => {
  it("finds the action's id in the build's manifest", () => {
    const manifest = {
      node: {
        abc: { filename: "src/features/auth/actions.ts", exportedName: "signIn", workers: {} },
        def: { filename: "src/features/complaints/actions.ts", exportedName: "submitComplaint", workers: {} },
      },
    };
    expect(findActionId(manifest, "src/features/complaints/actions.ts", "submitComplaint")).toBe("def");
    expect(() => findActionId(manifest, "src/features/complaints/actions.ts", "other")).toThrow(/next build/);
  });

  it("encodes the arguments as encodeReply does: the list in part 0, the form's fields prefixed 1_", () => {
    const body = complaintBody({ name: "Siti", email: "s@x.test", category: "OTHER", narrative: "n", desiredOutcome: "d" }, "B");
    expect(body.startsWith('--B\r\nContent-Disposition: form-data; name="_1_name"\r\n\r\nSiti\r\n')).toBe(true);
    expect(body.endsWith('--B\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"status":"idle"},"$K1"]\r\n--B--\r\n')).toBe(true);
    expect(body).toContain('name="_1_email"\r\n\r\ns@x.test\r\n');
    expect(body).not.toContain("_1_phone");
  });

  it("gives every simulated customer their own address", () => {
    expect(benchComplaint("r1", 1).email).not.toBe(benchComplaint("r1", 2).email);
    expect(benchComplaint("r1", 1).narrative.length).toBeGreaterThanOrEqual(20);
  });

  it("counts only a filed complaint as a success", () => {
    expect(isFiledResponse('0:{"a":"$@1"}\n1:{"status":"success","result":{"reference":"TGP-001234"}}')).toBe(true);
    expect(isFiledResponse('1:{"status":"error","message":"Too many complaints","code":"rateLimited"}')).toBe(false);
  });

  it("reads the reference a filed complaint was given, and none from a refusal", () => {
    expect(filedReference('0:{"a":"$@1"}\n1:{"status":"success","result":{"reference":"TGP-001234"}}')).toBe("TGP-001234");
    expect(filedReference('1:{"status":"error","reference":"TGP-001234"}')).toBeNull();
  });
});
