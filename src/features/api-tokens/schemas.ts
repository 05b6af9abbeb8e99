import { z } from "zod";
import { API_SCOPES } from "@/domain/api-scopes";

export const createApiTokenSchema = z.object({
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100, { error: "tooLong" }),
  scopes: z.array(z.enum(API_SCOPES, { error: "invalidChoice" })).min(1, { error: "chooseScope" }),
});

export const revokeApiTokenSchema = z.object({ id: z.uuid({ error: "invalid" }) });
