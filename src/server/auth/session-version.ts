import "server-only";
import { db } from "../db/prisma";

/**
 * Ends every session of a member of staff: each carries the version it signed in with, and
 * ./session.ts refuses one that no longer matches. With `ifVersion`, only when the version is
 * still that one (a sign-out from a session that has already ended changes nothing).
 */
export async function endSessionsOf(userId: string, ifVersion?: number): Promise<void> {
  await db().user.updateMany({
    where: { id: userId, ...(ifVersion === undefined ? {} : { sessionVersion: ifVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
}
