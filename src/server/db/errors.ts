import { Prisma } from "@/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/**
 * The columns of the unique key a P2002 violated, as far as the error tells: Prisma names them in
 * `meta.target`, or (through a driver adapter) in the adapter error's constraint, by fields or by
 * the index's name. Empty when it does not say.
 */
export function violatedFields(error: unknown): string[] {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return [];
  const meta = (error.meta ?? {}) as Record<string, unknown>;
  const constraint = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } } | undefined)?.cause
    ?.constraint;
  const found: unknown[] = [meta.target, constraint?.fields, constraint?.index].flat();
  return found.filter((v): v is string => typeof v === "string").flatMap((v) => v.split(/[_,\s]+/));
}
