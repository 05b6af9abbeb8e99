import { NextIntlClientProvider } from "next-intl";

// The admin screens' client components read namespaces the root layout does not send with every page
// (src/i18n/client-messages.ts): here they get every message.
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
