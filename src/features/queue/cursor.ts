import { z } from "zod";

/**
 * A position in the queue's order (deadline, nulls last, then ticket number) and which way to
 * read from it. Keyset pagination: a page starts after (or ends before) the row the cursor names,
 * so tickets filed meanwhile never shift a page or show up twice.
 */
export interface QueueCursor {
  dueAt: Date | null;
  number: number;
  direction: "next" | "prev";
}

const payload = z.object({
  d: z.iso.datetime().nullable(),
  n: z.number().int().positive().max(2_147_483_647),
  r: z.enum(["n", "p"]),
});

// Opaque to people and links; base64url keeps it one URL-safe token.
export function encodeCursor(cursor: QueueCursor): string {
  const body: z.infer<typeof payload> = {
    d: cursor.dueAt?.toISOString() ?? null,
    n: cursor.number,
    r: cursor.direction === "next" ? "n" : "p",
  };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

/** The cursor a token names, or null for anything that is not one of ours. */
export function decodeCursor(token: string): QueueCursor | null {
  if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return null;
  const { d, n, r } = parsed.data;
  return { dueAt: d === null ? null : new Date(d), number: n, direction: r === "n" ? "next" : "prev" };
}
