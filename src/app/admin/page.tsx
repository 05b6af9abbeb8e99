import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listStaff } from "@/features/admin/queries";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireRoleForPage("ADMIN", "/admin");
  const t = await getTranslations("admin");
  const links = await getTranslations("integrations.links");
  const staff = await listStaff();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <nav aria-label={links("title")} className="flex flex-wrap gap-4">
        <Link href="/admin/api-tokens" className="text-teal-800 underline">{links("apiTokens")}</Link>
        <Link href="/admin/webhooks" className="text-teal-800 underline">{links("webhooks")}</Link>
      </nav>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="p-3 text-left font-semibold">{t("staff")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">{t("name")}</th>
              <th scope="col" className="px-3 py-2">{t("email")}</th>
              <th scope="col" className="px-3 py-2">{t("role")}</th>
              <th scope="col" className="px-3 py-2">{t("team")}</th>
              <th scope="col" className="px-3 py-2">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => (
              <tr key={u.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{u.name}</td>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                <td className="px-3 py-2">{u.team?.name ?? "—"}</td>
                <td className="px-3 py-2">{u.active ? t("active") : t("inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
