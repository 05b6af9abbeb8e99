"use client";

import { useTranslations } from "next-intl";

/** Checks or clears every row's checkbox of this page; the rows are server-rendered, so it reaches them by their form. */
export function SelectPage({ form }: { form: string }) {
  const t = useTranslations("bulk");
  return (
    <input
      type="checkbox"
      aria-label={t("selectPage")}
      className="h-4 w-4"
      onChange={(event) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${form}"][name="tickets"]`)) {
          box.checked = event.currentTarget.checked;
        }
      }}
    />
  );
}
