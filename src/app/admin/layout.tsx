import { NextIntlClientProvider } from "next-intl";

// The admin screens' many forms read many namespaces: rather than a list to keep per screen
// (src/i18n/client-namespaces.ts), they get every message. Only administrators load these pages.
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
