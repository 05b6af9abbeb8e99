import "server-only";
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinition, type CustomFieldOption } from "@/domain/custom-fields";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/prisma";

export interface StoredFieldDefinition extends CustomFieldDefinition {
  id: string;
  categoryId: string;
}

/** A field definition's own columns: what admin changes write and audit, and what every reader loads. */
export const FIELD_COLUMNS = {
  id: true,
  categoryId: true,
  key: true,
  type: true,
  labelEn: true,
  labelId: true,
  options: true,
  customerFacing: true,
  required: true,
  sortOrder: true,
  archived: true,
} as const;

const SELECT = { ...FIELD_COLUMNS, category: { select: { code: true } } } as const;

// The options column is JSON written only by the admin command; anything else in it is ignored.
function optionsOf(json: Prisma.JsonValue): CustomFieldOption[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((o) => {
    if (!o || typeof o !== "object" || Array.isArray(o)) return [];
    const { key, labelEn, labelId, retired } = o as Record<string, unknown>;
    if (typeof key !== "string" || typeof labelEn !== "string" || typeof labelId !== "string") return [];
    return [{ key, labelEn, labelId, retired: retired === true }];
  });
}

/**
 * Every custom field of every category, archived ones included (they label old answers). Few rows
 * (tens): read whole, once per page or request, and filtered in memory.
 */
export async function loadFieldDefinitions(client: Prisma.TransactionClient = db()): Promise<StoredFieldDefinition[]> {
  const rows = await client.customField.findMany({ select: SELECT, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    categoryCode: r.category.code,
    key: r.key,
    type: CUSTOM_FIELD_TYPES.includes(r.type) ? r.type : "TEXT",
    labelEn: r.labelEn,
    labelId: r.labelId,
    options: optionsOf(r.options),
    customerFacing: r.customerFacing,
    required: r.required,
    sortOrder: r.sortOrder,
    archived: r.archived,
  }));
}

/** A ticket's stored answers: the JSON object, whatever else the column might hold read as none. */
export function answersOf(json: Prisma.JsonValue | null | undefined): Record<string, string | number | string[]> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const answers: Record<string, string | number | string[]> = {};
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === "string" || typeof value === "number") answers[key] = value;
    else if (Array.isArray(value)) answers[key] = value.filter((v): v is string => typeof v === "string");
  }
  return answers;
}
