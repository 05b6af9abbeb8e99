import { z } from "zod";

/** Which notices to mark read: the ones named, or every unread one when none is named. */
export const markReadSchema = z.object({
  ids: z.array(z.uuid({ error: "invalid" })).max(500, { error: "tooMany" }),
});
