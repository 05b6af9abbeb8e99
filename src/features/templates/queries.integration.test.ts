import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { renderTemplate, TEMPLATE_KINDS, type TemplateValues } from "@/domain/templates";
import { seedMessageTemplates, TEMPLATE_SEEDS } from "@/server/seed/templates";
import { templatesForTicket } from "./queries";

const values: TemplateValues = {
  customerName: "Maria Gomez",
  reference: "TGP-000123",
  resolution: "Refund",
  amount: "Rp 250.000",
  agentName: "Ayu Pratiwi",
  replyBy: "Tuesday 24 November, 10:00",
};

function seeded(kind: string, category: string | null, locale: "en" | "id") {
  const found = TEMPLATE_SEEDS.find((s) => s.kind === kind && s.category === category);
  if (!found) throw new Error(`no seed for ${kind}/${category}`);
  return { kind, subject: renderTemplate(found[locale].subject, values), body: renderTemplate(found[locale].body, values) };
}

async function categoryId(code: string): Promise<string> {
  return (await testDb().category.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

describe("templatesForTicket", () => {
  beforeEach(async () => {
    await resetDatabase();
    await testDb().$transaction((tx) => seedMessageTemplates(tx));
  });

  it("uses the category's own template and the fallback for kinds the category has none of", async () => {
    const result = await templatesForTicket({ categoryId: await categoryId("PRODUCT_RETURN"), locale: "en", values });
    expect(result).toEqual([
      seeded("ACKNOWLEDGEMENT", "PRODUCT_RETURN", "en"),
      seeded("CLARIFICATION", "PRODUCT_RETURN", "en"),
      seeded("APOLOGY", "PRODUCT_RETURN", "en"),
      seeded("RESOLUTION", null, "en"),
      seeded("SURVEY", null, "en"),
    ]);
  });

  it("answers in the ticket's language", async () => {
    const result = await templatesForTicket({ categoryId: await categoryId("PAYMENT_PROBLEM"), locale: "id", values });
    expect(result.map((t) => t.kind)).toEqual([...TEMPLATE_KINDS]);
    expect(result.find((t) => t.kind === "APOLOGY")).toEqual(seeded("APOLOGY", "PAYMENT_PROBLEM", "id"));
    expect(result.find((t) => t.kind === "SURVEY")).toEqual(seeded("SURVEY", null, "id"));
  });

  it("never shows another category's templates: a category without its own gets the fallbacks", async () => {
    const fresh = await testDb().category.create({
      data: { code: "WARRANTY", nameEn: "Warranty", nameId: "Garansi" },
      select: { id: true },
    });
    const result = await templatesForTicket({ categoryId: fresh.id, locale: "en", values });
    expect(result).toEqual(TEMPLATE_KINDS.map((kind) => seeded(kind, null, "en")));
  });

  it("falls back when the category's own template is removed", async () => {
    const service = await categoryId("SERVICE_PROBLEM");
    await testDb().messageTemplate.deleteMany({ where: { categoryId: service, kind: "APOLOGY", locale: "en" } });
    const result = await templatesForTicket({ categoryId: service, locale: "en", values });
    expect(result.find((t) => t.kind === "APOLOGY")).toEqual(seeded("APOLOGY", null, "en"));
    expect(result.find((t) => t.kind === "ACKNOWLEDGEMENT")).toEqual(seeded("ACKNOWLEDGEMENT", "SERVICE_PROBLEM", "en"));
  });

  it("shows an admin's edit", async () => {
    await testDb().messageTemplate.updateMany({
      where: { kind: "RESOLUTION", locale: "en", categoryId: null },
      data: { subject: "Sorted: {reference}", body: "Hi {customerName}, {resolution} is on its way." },
    });
    const result = await templatesForTicket({ categoryId: await categoryId("OTHER"), locale: "en", values });
    expect(result.find((t) => t.kind === "RESOLUTION")).toEqual({
      kind: "RESOLUTION",
      subject: "Sorted: TGP-000123",
      body: "Hi Maria Gomez, Refund is on its way.",
    });
  });

  it("leaves what is not known yet visible for the agent to fill", async () => {
    const result = await templatesForTicket({
      categoryId: await categoryId("PRODUCT_RETURN"),
      locale: "id",
      values: { customerName: "Budi", reference: "TGP-000042" },
    });
    const apology = result.find((t) => t.kind === "APOLOGY");
    expect(apology?.body).toContain("Halo Kak Budi,");
    expect(apology?.body).toContain("{resolution} ({amount})");
    expect(apology?.body).toContain("{agentName}");
    expect(apology?.subject).toBe("Mohon maaf, Kak — TGP-000042");
  });

  it("leaves out a kind that has no template at all", async () => {
    await testDb().messageTemplate.deleteMany({ where: { kind: "SURVEY" } });
    const result = await templatesForTicket({ categoryId: await categoryId("OTHER"), locale: "en", values });
    expect(result.map((t) => t.kind)).toEqual(["ACKNOWLEDGEMENT", "CLARIFICATION", "APOLOGY", "RESOLUTION"]);
  });

  it("picks the most recently edited fallback when there are two for one kind", async () => {
    // Nulls are distinct in the unique index, so a second fallback can exist (e.g. a deleted category's).
    await testDb().messageTemplate.create({
      data: { kind: "SURVEY", locale: "en", categoryId: null, subject: "Newer", body: "Newer survey" },
    });
    const result = await templatesForTicket({ categoryId: await categoryId("OTHER"), locale: "en", values });
    expect(result.find((t) => t.kind === "SURVEY")).toEqual({ kind: "SURVEY", subject: "Newer", body: "Newer survey" });
  });
});
