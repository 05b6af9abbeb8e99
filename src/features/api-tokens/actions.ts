"use server";

import { DomainError } from "@/domain/errors";
import { action } from "@/lib/actions/action";
import { createApiTokenSchema, revokeApiTokenSchema } from "./schemas";
import { createApiToken, revokeApiToken } from "./service";

// Admins only: the pipeline re-reads the session's user and role before anything else.

export const createApiTokenAction = action({
  role: "ADMIN",
  schema: createApiTokenSchema,
  input: (f) => ({ name: f.get("name"), scopes: f.getAll("scopes") }),
  revalidate: ["/admin/api-tokens"],
  run: async (input, { staff }) => {
    const { token } = await createApiToken(staff.id, input);
    return { name: input.name, token };
  },
});

export const revokeApiTokenAction = action({
  role: "ADMIN",
  schema: revokeApiTokenSchema,
  input: (f) => ({ id: f.get("id") }),
  revalidate: ["/admin/api-tokens"],
  run: async ({ id }, { staff, t }) => {
    if (!(await revokeApiToken(staff.id, id))) throw new DomainError("alreadyGone", { what: "apiToken" });
    return { message: t("integrations.tokens.revoked") };
  },
});
