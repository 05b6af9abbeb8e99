import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";
import { API_SCOPES } from "@/domain/api-scopes";

export const createApiTokenSchema = z.object({
  name: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(100, { error: "tooLong" }),
  scopes: z.array(z.enum(API_SCOPES, { error: "invalidChoice" })).min(1, { error: "chooseScope" }),
});

export const revokeApiTokenSchema = z.object({ id: z.uuid({ error: "invalid" }) });
