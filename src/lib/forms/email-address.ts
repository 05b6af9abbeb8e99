import { z } from "zod";
import { storableString } from "./storable-string";

/**
 * An email address as people type it, for every form and the API: trimmed and lower-cased (one
 * address, one customer or account, whatever the capitals), at most 254 characters.
 */
export function emailAddress() {
  return storableString({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(254, { error: "tooLong" })
    .pipe(z.email({ error: "invalidEmail" }));
}
