import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { englishLeftovers } from "../../../tests/support/english-leftovers";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import { AUDIT_ACTIONS, auditSubject } from "./audit-actions";
import { AUDIT_ENTITIES } from "./schemas";

type Tree = { [key: string]: string | Tree };

function sentence(catalogue: Tree, action: string): string | undefined {
  let node: string | Tree | undefined = (catalogue.admin as Tree).audit as Tree;
  for (const part of ["actions", ...action.split(".")]) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

describe("audit log sentences", () => {
  it.each(AUDIT_ENTITIES)("%s, as the audit filter offers it, is named in English and in Bahasa Indonesia", (entity) => {
    for (const catalogue of [en, id] as unknown as Tree[]) {
      const entities = ((catalogue.admin as Tree).audit as Tree).entities as Tree;
      expect(typeof entities[entity]).toBe("string");
    }
  });

  it.each(AUDIT_ACTIONS)("%s reads as a sentence in English and in Bahasa Indonesia, naming what changed", (action) => {
    const english = sentence(en as unknown as Tree, action);
    const indonesian = sentence(id as unknown as Tree, action);
    expect(english).toMatch(/\{subject\}/);
    expect(indonesian).toMatch(/\{subject\}/);
    expect(indonesian).not.toBe(english);
    expect(englishLeftovers(indonesian!.replace("{subject}", ""))).toEqual([]);
  });

  it("lists every action an audit row is written with anywhere in the code", () => {
    // The type already refuses an unlisted action at `audit()`; this also catches one written as a
    // variable, and an action listed but never written (a sentence for nothing).
    const sources = ["admin/commands/staff.ts", "admin/commands/teams.ts", "admin/commands/categories.ts", "admin/commands/sla.ts"]
      .concat(["admin/commands/calendars.ts", "admin/commands/templates.ts", "api-tokens/service.ts", "webhooks/service.ts"])
      .concat([
        "admin/commands/proposals.ts",
        "admin/commands/macros.ts",
        "admin/commands/custom-fields.ts",
        "admin/commands/regimes.ts",
        "protocol/merge.ts",
        "inbound/service.ts",
        "admin/commands/quality-rubric.ts",
      ])
      .map((file) => readFileSync(join(process.cwd(), "src/features", file), "utf8"))
      .join("\n");
    const written = new Set([...sources.matchAll(/"([a-zA-Z]+\.[a-zA-Z]+)"/g)].map((m) => m[1]!));
    for (const action of AUDIT_ACTIONS) expect(written, action).toContain(action);
  });

  it("names the thing changed in the reader's language when it has both names", () => {
    expect(auditSubject(null, { nameEn: "Returns", nameId: "Retur" }, "id")).toBe("Retur");
    expect(auditSubject({ nameEn: "Returns", nameId: "Retur" }, null, "en")).toBe("Returns");
    expect(auditSubject(null, { labelEn: "Refund", labelId: "Pengembalian dana" }, "id")).toBe("Pengembalian dana");
    expect(auditSubject(null, { email: "dewi@tanggap.test", role: "AGENT" }, "id")).toBe("dewi@tanggap.test");
    expect(auditSubject(null, { url: "https://shop.example/hook" }, "en")).toBe("https://shop.example/hook");
    expect(auditSubject(null, { maxAmount: "100" }, "en")).toBeNull();
  });
});
