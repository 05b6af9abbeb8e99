import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { ActionsView } from "@/features/root-cause-actions/components/actions-view";
import { listRootCauseActions, rootCauseActionChoices } from "@/features/root-cause-actions/queries";
import type { Locale } from "@/i18n/locales";
import { requireRoleForPage } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { ROOT_CAUSE_ACTIONS_PAGE } from "@/i18n/client-namespaces";

export const metadata: Metadata = { title: "Root-cause actions" };

export default async function RootCauseActionsPage({ searchParams }: { searchParams: Promise<{ category?: string; cause?: string }> }) {
  await requireRoleForPage("SUPERVISOR", "/supervisor/actions");
  const { category, cause } = await searchParams;
  const locale = (await getLocale()) as Locale;
  const [rows, choices] = await Promise.all([listRootCauseActions(new Date()), rootCauseActionChoices()]);
  return (
    <ClientMessages namespaces={ROOT_CAUSE_ACTIONS_PAGE}>
      <ActionsView rows={rows} choices={choices} locale={locale} preset={{ categoryId: category, rootCause: cause }} />
    </ClientMessages>
  );
}
