import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { revokeApiTokenAction } from "../actions";
import type { ApiTokenRow } from "../service";

export async function TokenTable({ tokens }: { tokens: ApiTokenRow[] }) {
  const t = await getTranslations("integrations.tokens");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <DataTable
      caption={t("listTitle")}
      columns={[t("name"), t("scopes"), t("createdBy"), t("lastUsed"), t("status")]}
      empty={tokens.length === 0 ? t("none") : undefined}
    >
      {tokens.map((token) => (
        <tr key={token.id} className="border-t border-slate-100" data-testid="token-row" data-name={token.name}>
          <td className="px-3 py-2 font-medium">{token.name}</td>
          <td className="px-3 py-2 font-mono">{token.scopes.join(" ")}</td>
          <td className="px-3 py-2">
            {token.createdBy.name} · {when(token.createdAt)}
          </td>
          <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
          <td className="px-3 py-2">
            {token.revokedAt ? (
              t("revokedAt", { when: when(token.revokedAt) })
            ) : (
              <ActionForm
                action={revokeApiTokenAction}
                hidden={{ id: token.id }}
                className="flex flex-col gap-1"
                label={t("revokeLabel", { name: token.name })}
              >
                <button type="submit" className="self-start rounded-md border border-red-300 bg-white px-3 py-1 text-red-800">
                  {t("revoke")}
                </button>
              </ActionForm>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
