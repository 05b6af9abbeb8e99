import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/features/api-tokens/components/create-token-form";
import { TokenTable } from "@/features/api-tokens/components/token-table";
import { listApiTokens } from "@/features/api-tokens/service";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requireRoleForPage("ADMIN", "/admin/api-tokens");
  const t = await getTranslations("integrations.tokens");
  const tokens = await listApiTokens();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <CreateTokenForm />
      <TokenTable tokens={tokens} />
    </div>
  );
}
