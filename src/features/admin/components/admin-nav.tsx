import Link from "next/link";
import { getTranslations } from "next-intl/server";

// The sections of /admin, in the order they appear. Add a section by adding its link here.
const SECTIONS = [
  { href: "/admin", key: "staff" },
  { href: "/admin/teams", key: "teams" },
  { href: "/admin/categories", key: "categories" },
  { href: "/admin/sla", key: "sla" },
  { href: "/admin/calendars", key: "calendars" },
  { href: "/admin/templates", key: "templates" },
  { href: "/admin/macros", key: "macros" },
  { href: "/admin/quality", key: "quality" },
  { href: "/admin/api-tokens", key: "apiTokens" },
  { href: "/admin/webhooks", key: "webhooks" },
  { href: "/admin/mailboxes", key: "mailboxes" },
  { href: "/admin/audit", key: "audit" },
] as const;

export async function AdminNav({ current }: { current: string }) {
  const t = await getTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              aria-current={s.href === current ? "page" : undefined}
              className="text-slate-700 hover:text-teal-800 aria-[current=page]:font-semibold aria-[current=page]:text-teal-800 aria-[current=page]:underline"
            >
              {t(s.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Every /admin page: the section links, then the page's own heading and content. */
export async function AdminPage({ current, title, children }: { current: string; title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <AdminNav current={current} />
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
