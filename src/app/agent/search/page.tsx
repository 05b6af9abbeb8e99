import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchResults } from "@/features/search/components/search-results";
import { searchTickets } from "@/features/search/queries";
import { parseSearchParams } from "@/features/search/schemas";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Search" };

export default async function StaffSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Staff only: the search reads internal notes.
  await requireRoleForPage("AGENT", "/agent/search");
  const { q, scope } = parseSearchParams(await searchParams);
  const results = q ? await searchTickets(q, scope) : null;
  // A reference typed into the search box goes straight to that ticket, as it did in the queue.
  const [only] = results ?? [];
  if (only && results?.length === 1 && only.reason === "reference") redirect(`/agent/tickets/${only.reference}`);
  return <SearchResults q={q} scope={scope} results={results} />;
}
