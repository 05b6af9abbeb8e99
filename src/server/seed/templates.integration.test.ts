import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { CATEGORY_CODES } from "@/domain/categories";
import { PLACEHOLDERS, renderTemplate, TEMPLATE_KINDS, unfilledPlaceholders, type Placeholder } from "@/domain/templates";
import { seedMessageTemplates, TEMPLATE_SEEDS } from "./templates";

const LOCALES = ["en", "id"] as const;
const seed = () => testDb().$transaction((tx) => seedMessageTemplates(tx));

async function templates() {
  return testDb().messageTemplate.findMany({
    select: { id: true, kind: true, locale: true, body: true, subject: true, updatedAt: true, category: { select: { code: true } } },
    orderBy: { id: "asc" },
  });
}

describe("seedMessageTemplates", () => {
  beforeEach(resetDatabase);

  it("gives every kind a fallback in both languages", async () => {
    await seed();
    const fallbacks = (await templates()).filter((t) => t.category === null);
    const keys = fallbacks.map((t) => `${t.kind}/${t.locale}`).sort();
    expect(keys).toEqual(TEMPLATE_KINDS.flatMap((k) => LOCALES.map((l) => `${k}/${l}`)).sort());
  });

  it("gives every category its own acknowledgement, clarification and apology in both languages", async () => {
    await seed();
    const all = await templates();
    for (const code of CATEGORY_CODES) {
      const own = all.filter((t) => t.category?.code === code).map((t) => `${t.kind}/${t.locale}`);
      expect(own.sort(), code).toEqual([
        "ACKNOWLEDGEMENT/en",
        "ACKNOWLEDGEMENT/id",
        "APOLOGY/en",
        "APOLOGY/id",
        "CLARIFICATION/en",
        "CLARIFICATION/id",
      ]);
    }
    expect(all).toHaveLength(TEMPLATE_SEEDS.length * 2);
    expect(all).toHaveLength(34);
  });

  it("creates nothing and changes nothing on a second run", async () => {
    await seed();
    const first = await templates();
    await seed();
    expect(await templates()).toEqual(first);
  });

  it("creates one fallback per kind and language when two starts seed at once", async () => {
    await Promise.all([seed(), seed(), seed()]);
    const fallbacks = (await templates()).filter((t) => t.category === null);
    expect(fallbacks).toHaveLength(TEMPLATE_KINDS.length * 2);
  });

  it("never overwrites an admin's edit", async () => {
    await seed();
    const apology = await testDb().messageTemplate.findFirstOrThrow({ where: { kind: "APOLOGY", locale: "id", categoryId: null } });
    const returns = await testDb().category.findUniqueOrThrow({ where: { code: "PRODUCT_RETURN" } });
    const ack = await testDb().messageTemplate.findFirstOrThrow({
      where: { kind: "ACKNOWLEDGEMENT", locale: "en", categoryId: returns.id },
    });
    await testDb().messageTemplate.update({
      where: { id: apology.id },
      data: { body: "Maaf ya, {customerName}. Ditulis ulang oleh admin." },
    });
    await testDb().messageTemplate.update({ where: { id: ack.id }, data: { subject: "Admin's subject" } });

    await seed();

    expect((await testDb().messageTemplate.findUniqueOrThrow({ where: { id: apology.id } })).body).toBe(
      "Maaf ya, {customerName}. Ditulis ulang oleh admin.",
    );
    expect((await testDb().messageTemplate.findUniqueOrThrow({ where: { id: ack.id } })).subject).toBe("Admin's subject");
    expect(await testDb().messageTemplate.count()).toBe(34);
  });

  it("puts back only the template that is missing", async () => {
    await seed();
    const before = await templates();
    const gone = before.find((t) => t.kind === "SURVEY" && t.locale === "en");
    await testDb().messageTemplate.delete({ where: { id: gone!.id } });

    await seed();

    const after = await templates();
    expect(after).toHaveLength(before.length);
    expect(after.filter((t) => t.id !== gone!.id && before.some((b) => b.id === t.id))).toHaveLength(before.length - 1);
    expect(after.find((t) => t.kind === "SURVEY" && t.locale === "en")?.body).toBe(gone!.body);
  });

  it("seeds a category's templates once the category exists", async () => {
    const other = await testDb().category.findUniqueOrThrow({ where: { code: "OTHER" }, select: { id: true } });
    // A category created later (here: stripped of its templates and renamed away, then back)
    // gets its templates on the next run.
    await testDb().messageTemplate.deleteMany({ where: { categoryId: other.id } });
    await testDb().category.update({ where: { id: other.id }, data: { code: "OTHER_LATER" } });
    await seed();
    expect(await testDb().messageTemplate.count({ where: { categoryId: other.id } })).toBe(0);
    await testDb().category.update({ where: { id: other.id }, data: { code: "OTHER" } });
    await seed();
    expect(await testDb().messageTemplate.count({ where: { categoryId: other.id } })).toBe(6);
  });
});

describe("the seeded templates", () => {
  const texts = TEMPLATE_SEEDS.flatMap((s) => LOCALES.map((locale) => ({ ...s, locale, ...s[locale] })));
  const allValues: Required<Record<Placeholder, string>> = {
    customerName: "Maria Gomez",
    reference: "TGP-000123",
    restatement: "Your blender never started",
    finding: "The batch was damaged in our warehouse",
    resolution: "Refund",
    amount: "Rp 250.000",
    deadline: "Wednesday 25 November, 16:00",
    agentName: "Ayu Pratiwi",
    replyBy: "Tuesday 24 November, 10:00",
  };
  const name = (t: (typeof texts)[number]) => `${t.kind}/${t.category ?? "fallback"}/${t.locale}`;

  it("use only the app's placeholders, plus the explanation an agent writes in a clarification", () => {
    for (const t of texts) {
      const left = unfilledPlaceholders(renderTemplate(`${t.subject}\n${t.body}`, allValues));
      expect(left, name(t)).toEqual(t.kind === "CLARIFICATION" ? ["{explanation}"] : []);
    }
  });

  it("apologise to the customer by name, say what we are doing about it and are signed by a person", () => {
    for (const t of texts.filter((x) => x.kind === "APOLOGY")) {
      for (const p of ["{customerName}", "{reference}", "{resolution}", "{agentName}"]) expect(t.body, `${name(t)} ${p}`).toContain(p);
      // A manager's follow-up has no amount; every other category's answers usually carry one.
      if (t.category !== "SERVICE_PROBLEM") expect(t.body, name(t)).toContain("{amount}");
      expect(t.body, name(t)).toMatch(t.locale === "en" ? /sorry/i : /maaf/i);
      expect(t.body.trimEnd().split("\n").slice(-3).join("\n"), name(t)).toContain("{agentName}");
    }
  });

  it("tell the customer when to expect a reply in every acknowledgement", () => {
    for (const t of texts.filter((x) => x.kind === "ACKNOWLEDGEMENT")) expect(t.body, name(t)).toContain("{replyBy}");
  });

  it("fit on a phone screen", () => {
    for (const t of texts) {
      expect(t.subject.length, name(t)).toBeLessThanOrEqual(60);
      expect(t.body.length, name(t)).toBeLessThanOrEqual(600);
    }
  });

  it("are written for each language, not copied across", () => {
    for (const s of TEMPLATE_SEEDS) {
      expect(s.id.body).not.toBe(s.en.body);
      expect(s.id.body).toMatch(/Kak/);
    }
  });

  it("are one per kind, category and language", () => {
    const keys = texts.map(name);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PLACEHOLDERS).toContain("replyBy");
  });
});
