import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, formValues } from "./form-state";

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;

describe("fieldErrors", () => {
  const schema = z.object({
    name: z.string().trim().min(1, { error: "required" }).min(2, { error: "tooShort" }).max(5, { error: "tooLong" }),
    email: z.string().pipe(z.email({ error: "invalidEmail" })),
  });

  it("gives each field its first problem, in the reader's words, with the limit", () => {
    const result = schema.safeParse({ name: "", email: "x" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, t)).toEqual({ name: ["errors.required"], email: ["errors.invalidEmail"] });
    expect(fieldErrors(schema.safeParse({ name: "abcdefg", email: "a@b.co" }).error!, t)).toEqual({ name: ['errors.tooLong{"max":5}'] });
    expect(fieldErrors(schema.safeParse({ name: "a", email: "a@b.co" }).error!, t)).toEqual({ name: ['errors.tooShort{"min":2}'] });
  });

  it("falls back to a generic message for an unkeyed issue", () => {
    expect(fieldErrors(z.object({ n: z.number() }).safeParse({ n: "x" }).error!, t)).toEqual({ n: ["errors.invalid"] });
  });
});

describe("formValues", () => {
  it("keeps text fields and drops files and React's action fields", () => {
    const data = new FormData();
    data.set("name", "Siti");
    data.set("$ACTION_ID_abc", "");
    data.set("photo", new Blob(["x"]), "photo.jpg");
    expect(formValues(data)).toEqual({ name: "Siti" });
  });
});
