import { z } from "zod";

/**
 * C0 control characters but tab, line feed and carriage return. PostgreSQL cannot store U+0000 in
 * text at all (the insert fails, and a form would answer "try again" for ever); the others are
 * never part of what a person writes, only of what a script or a paste smuggles in.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * `z.string()` for everything a request carries: a value holding a control character is refused
 * in its own field ("controlCharacters"), before any other check, so it never reaches the database.
 */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((s) => !CONTROL_CHARACTERS.test(s), { error: "controlCharacters", abort: true });
}
