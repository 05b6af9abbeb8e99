import "server-only";
import { db } from "@/server/db/prisma";

export async function listStaff() {
  return db().user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, team: { select: { name: true } } },
  });
}
