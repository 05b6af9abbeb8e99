import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TicketWorkspace } from "../queries";

/** Who the customer is and what else they have told us. */
export async function CustomerCard({ ticket }: { ticket: TicketWorkspace }) {
  const t = await getTranslations("ticket");
  const stages = await getTranslations("stages");
  return (
    <section aria-labelledby="customer-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="customer-title" className="font-semibold">
        {t("customer")}
      </h2>
      <p className="mt-1">{ticket.customer.name}</p>
      <p className="break-all text-slate-700">{ticket.customer.email}</p>
      {ticket.customer.phone && <p className="text-slate-700">{ticket.customer.phone}</p>}
      {/* Typed on this complaint's unauthenticated form, by whoever had the address: shown, never adopted. */}
      {((ticket.contactName && ticket.contactName !== ticket.customer.name) ||
        (ticket.contactPhone && ticket.contactPhone !== ticket.customer.phone)) && (
        <p className="mt-1 text-slate-600" data-testid="contact-as-given">
          {t("contactAsGiven", { name: ticket.contactName ?? "", phone: ticket.contactPhone ?? "" })}
        </p>
      )}
      <p className="mt-2 text-slate-600">
        {t("assignee")}: {ticket.assignee?.name ?? t("unassigned")}
      </p>
      <h3 className="mt-3 font-semibold">{t("otherTickets")}</h3>
      {ticket.otherTickets.length === 0 ? (
        <p className="mt-1 text-slate-600">{t("noOtherTickets")}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {ticket.otherTickets.map((o) => (
            <li key={o.reference}>
              <Link href={`/agent/tickets/${o.reference}`} className="font-mono text-teal-800 underline">
                {o.reference}
              </Link>{" "}
              {o.subject} ({stages(o.stage)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
