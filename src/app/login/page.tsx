import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/features/auth/components/login-form";
import { homeFor } from "@/domain/roles";
import { currentStaff } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { LOGIN_PAGE } from "@/i18n/client-namespaces";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const staff = await currentStaff();
  if (staff) redirect(homeFor(staff.role));
  const t = await getTranslations("login");
  const { callbackUrl } = await searchParams;
  return (
    <ClientMessages namespaces={LOGIN_PAGE}>
      <div className="mx-auto flex max-w-sm flex-col gap-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </div>
    </ClientMessages>
  );
}
