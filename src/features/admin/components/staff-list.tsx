import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { named } from "@/i18n/named";
import type { listStaff } from "../queries";

type StaffRow = Awaited<ReturnType<typeof listStaff>>[number];

/** Everyone with a staff account, active first; each name opens the member's page. */
export async function StaffList({ staff }: { staff: StaffRow[] }) {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  return (
    <DataTable caption={t("staff")} columns={[t("name"), t("email"), t("role"), t("team"), t("status")]}>
      {staff.map((u) => (
        <tr key={u.id} className="border-t border-slate-100">
          <td className="px-3 py-2">
            <Link href={`/admin/staff/${u.id}`} className="text-teal-800 underline hover:text-teal-950">
              {u.name}
            </Link>
          </td>
          <td className="px-3 py-2">{u.email}</td>
          <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
          <td className="px-3 py-2">{u.team ? named(u.team, locale) : "—"}</td>
          <td className="px-3 py-2">{u.active ? t("active") : t("inactive")}</td>
        </tr>
      ))}
    </DataTable>
  );
}
