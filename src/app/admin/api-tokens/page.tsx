import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/features/api-tokens/components/create-token-form";
import { TokenTable } from "@/features/api-tokens/components/token-table";
import { listApiTokens } from "@/features/api-tokens/service";
import { AdminPage } from "@/features/admin/components/admin-nav";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requireRoleForPage("ADMIN", "/admin/api-tokens");
  const t = await getTranslations("integrations.tokens");
  const tokens = await listApiTokens();
  return (
    <AdminPage current="/admin/api-tokens" title={t("title")}>
      <p className="text-slate-700">{t("intro")}</p>
      <CreateTokenForm />
      <TokenTable tokens={tokens} />
    </AdminPage>
  );
}
