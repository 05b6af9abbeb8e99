import "server-only";
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinition, type CustomFieldOption, type CustomFieldType } from "@/domain/custom-fields";
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

const isFieldType = (type: string): type is CustomFieldType => (CUSTOM_FIELD_TYPES as readonly string[]).includes(type);

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
 * (tens): read whole, once per page or request, and filtered in memory. One statement, joined in
 * SQL: Prisma reads the category codes by a second one (relation joins are off), sent even when
 * there is no field at all (as `IN (NULL)`), and complaint filing reads this on every submission.
 */
export async function loadFieldDefinitions(client: Pick<Prisma.TransactionClient, "$queryRaw"> = db()): Promise<StoredFieldDefinition[]> {
  const rows = await client.$queryRaw<FieldRow[]>`
    SELECT f."id", f."categoryId", c."code" AS "categoryCode", f."key", f."type"::text AS "type", f."labelEn", f."labelId",
      f."options", f."customerFacing", f."required", f."sortOrder", f."archived"
    FROM "CustomField" f JOIN "Category" c ON c."id" = f."categoryId"
    ORDER BY f."sortOrder", f."key"`;
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    categoryCode: r.categoryCode,
    key: r.key,
    type: isFieldType(r.type) ? r.type : "TEXT",
    labelEn: r.labelEn,
    labelId: r.labelId,
    options: optionsOf(r.options),
    customerFacing: r.customerFacing,
    required: r.required,
    sortOrder: r.sortOrder,
    archived: r.archived,
  }));
}

interface FieldRow {
  id: string;
  categoryId: string;
  categoryCode: string;
  key: string;
  type: string;
  labelEn: string;
  labelId: string;
  options: Prisma.JsonValue;
  customerFacing: boolean;
  required: boolean;
  sortOrder: number;
  archived: boolean;
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
