import { useTranslations } from "next-intl";
import { HONEYPOT_FIELD } from "@/lib/forms/honeypot";

/**
 * The honeypot of a public form: off-screen, out of the tab order, hidden from assistive
 * technology and from autofill, so only a program filling every field fills it. The action
 * checks it with filledHoneypot. Not `display: none`, which many programs skip.
 */
export function Honeypot() {
  const t = useTranslations("honeypot");
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden" data-testid="honeypot">
      <label htmlFor={`field-${HONEYPOT_FIELD}`}>{t("label")}</label>
      <input id={`field-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
