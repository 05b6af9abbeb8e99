import { formatReference } from "@/domain/reference";
import type { Locale } from "@/i18n/locales";
import { appUrl } from "@/server/app-url";
import { unsealTrackingToken } from "@/server/tracking-token";
import type { CustomerMailContext } from "./customer-mail";

export interface TicketForMail {
  id: string;
  number: number;
  locale: Locale;
  trackingTokenSealed: string | null;
  customer: { email: string; name: string };
}

export function customerMailContext(ticket: TicketForMail): CustomerMailContext {
  const token = ticket.trackingTokenSealed ? unsealTrackingToken(ticket.trackingTokenSealed) : null;
  return {
    locale: ticket.locale,
    to: ticket.customer.email,
    customerName: ticket.customer.name,
    reference: formatReference(ticket.number),
    ticketId: ticket.id,
    trackingUrl: token ? appUrl(`/track/${token}`) : null,
  };
}
