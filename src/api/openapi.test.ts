import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const apiRoot = fileURLToPath(new URL("../app/api/v1", import.meta.url));

/** Every route.ts under src/app/api/v1, as the URL path Next serves it at. */
function routeFiles(dir = apiRoot): { file: string; urlPath: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const relative = path.relative(apiRoot, path.dirname(full)).split(path.sep).filter(Boolean);
    const urlPath = ["/api/v1", ...relative.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
    return [{ file: full, urlPath }];
  });
}

// The validator and importing every route module take a few seconds on a busy machine.
describe("the OpenAPI document", { timeout: 30_000 }, () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect("errors" in result ? result.errors : []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator is not vacuous: a parameter without its location fails.
    const broken = structuredClone(openApiDocument()) as { paths: Record<string, Record<string, { parameters?: unknown[] }>> };
    broken.paths["/api/v1/tickets"]!.get!.parameters = [{ name: "q" }];
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("documents the custom fields as defined, from the schema that validates them", async () => {
    const serial = {
      key: "serial",
      categoryCode: "PRODUCT_RETURN",
      type: "CHOICE" as const,
      labelEn: "Serial",
      labelId: "Seri",
      options: [{ key: "a1", labelEn: "A1", labelId: "A1", retired: false }],
      customerFacing: true,
      required: true,
      sortOrder: 0,
      archived: false,
    };
    const internal = { ...serial, key: "batch", customerFacing: false };
    const document = openApiDocument([serial, internal]);
    expect((await validate(structuredClone(document) as never)).valid).toBe(true);
    const body = (
      document.paths["/api/v1/tickets"].post.requestBody.content["application/json"].schema as {
        properties: { customFields: { properties: Record<string, { description: string }> } };
      }
    ).properties.customFields;
    expect(Object.keys(body.properties)).toEqual(["serial"]);
    expect(body.properties.serial!.description).toContain("category PRODUCT_RETURN, required");
    expect(body.properties.serial!.description).toContain("`a1` (A1)");
  });

  it("documents exactly the route handlers under src/app/api/v1, method by method", async () => {
    const documented = new Set<string>();
    for (const [p, operations] of Object.entries(openApiDocument().paths)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${p}`);
    }
    const implemented = new Set<string>();
    for (const { file, urlPath } of routeFiles()) {
      const route = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof route[method] === "function") implemented.add(`${method} ${urlPath}`);
    }
    expect(implemented.size).toBeGreaterThanOrEqual(6);
    expect([...implemented].sort()).toEqual([...documented].sort());
  });

  it("describes each request body with the very schema the route validates", async () => {
    const doc = openApiDocument();
    const create = doc.paths["/api/v1/tickets"].post.requestBody.content["application/json"].schema as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(create.required).toEqual(["name", "email", "category", "narrative", "desiredOutcome"]);
    expect(Object.keys(create.properties)).toContain("locale");
    // The structured ask: optional, one of the form's choices.
    expect(create.properties.customerAsk).toMatchObject({ enum: ["REFUND", "EXCHANGE", "REPAIR", "EXPLANATION", "APOLOGY", "OTHER"] });
    const ticket = doc.components.schemas.Ticket as { properties: Record<string, unknown>; required: string[] };
    expect(ticket.properties.customerAsk).toBeDefined();
    expect(ticket.required).toContain("customerAsk");
    const moveBody = doc.paths["/api/v1/tickets/{reference}/stage"].post.requestBody.content["application/json"].schema as {
      properties: { to: { enum: string[] } };
    };
    expect(moveBody.properties.to.enum).toEqual(["LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"]);
  });
});
