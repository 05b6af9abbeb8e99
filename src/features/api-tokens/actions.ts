"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { AdminFormRefusal, runAdminFormAction } from "@/server/actions/admin-form-action";
import { createApiTokenSchema, revokeApiTokenSchema } from "./schemas";
import { createApiToken, revokeApiToken } from "./service";

// Admins only: runAdminFormAction re-reads the session's user and role before anything else.

export async function createApiTokenAction(
  _previous: FormState<{ name: string; token: string }>,
  formData: FormData,
): Promise<FormState<{ name: string; token: string }>> {
  return runAdminFormAction(
    createApiTokenSchema,
    formData,
    (f) => ({ name: f.get("name"), scopes: f.getAll("scopes") }),
    async (input, admin) => {
      const { token } = await createApiToken(admin.id, input);
      revalidatePath("/admin/api-tokens");
      return { name: input.name, token };
    },
    ["chooseScope"],
  );
}

export async function revokeApiTokenAction(
  _previous: FormState<{ message: string }>,
  formData: FormData,
): Promise<FormState<{ message: string }>> {
  return runAdminFormAction(
    revokeApiTokenSchema,
    formData,
    (f) => ({ id: f.get("id") }),
    async ({ id }, admin, t) => {
      if (!(await revokeApiToken(admin.id, id))) throw new AdminFormRefusal(null, t("integrations.tokens.alreadyRevoked"));
      revalidatePath("/admin/api-tokens");
      return { message: t("integrations.tokens.revoked") };
    },
  );
}
