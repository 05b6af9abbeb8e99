"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { replyAdvice, type ApologyLocale } from "@/domain/apology-check";
import type { Translate } from "@/lib/forms/form-state";
import { apologyFindingMessage } from "../apology-messages";

/**
 * Beside a public reply, what would make it a non-apology, as advice only: a reply is never held
 * back. It reads the form it sits in, so the message field and a template inserted into it stay as
 * they are, and it clears when the form is reset after sending.
 */
export function ReplyAdvice({ locale }: { locale: string }) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const read = () => {
      const data = new FormData(form);
      setText(data.get("visibility") === "PUBLIC" ? String(data.get("body") ?? "") : "");
    };
    const clear = () => setText("");
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    form.addEventListener("reset", clear);
    read();
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
      form.removeEventListener("reset", clear);
    };
  }, []);
  const findings = replyAdvice(text, locale as ApologyLocale);
  return (
    <div ref={ref} aria-live="polite" data-testid="reply-advice">
      {findings.length > 0 && (
        <div className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          <p className="font-medium">{t("protocol.apologyCheck.replyTitle")}</p>
          <ul className="ml-5 list-disc">
            {findings.map((f) => (
              <li key={f.code}>{apologyFindingMessage(f, t as unknown as Translate)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
