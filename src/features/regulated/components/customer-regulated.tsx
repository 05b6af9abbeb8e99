import { getFormatter, getTranslations } from "next-intl/server";
import { listLettersByTrackingToken } from "@/features/letters/queries";
import { getCustomerDecision } from "../queries";

/**
 * On the tracking page: the letters we sent the customer, each downloadable as the PDF stored when
 * it was sent (the link carries the token, which the server checks), and our decision with its
 * redress once the final word was sent.
 */
export async function CustomerRegulated({ token }: { token: string }) {
  const [letters, decision] = await Promise.all([listLettersByTrackingToken(token), getCustomerDecision(token)]);
  if (letters.length === 0 && !decision) return null;
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric" });
  return (
    <>
      {decision && (
        <section
          aria-labelledby="decision-title"
          className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5"
          data-testid="decision"
        >
          <h2 id="decision-title" className="text-lg font-semibold">
            {t("outcome.customerTitle")}
          </h2>
          {decision.outcome && <p data-testid="decision-outcome">{t(`outcome.outcomes.${decision.outcome}`)}</p>}
          {decision.redresses.length > 0 && (
            <ul className="list-disc pl-5">
              {decision.redresses.map((r, i) => (
                <li key={i}>
                  {r.goodwill ? `${t("outcome.goodwillList")}: ` : ""}
                  {t(`outcome.kinds.${r.kind}`)}
                  {r.amount && ` ${format.number(Number(r.amount), { style: "currency", currency: r.currency, maximumFractionDigits: 2 })}`}
                  {" — "}
                  {r.paidAt
                    ? t("outcome.paidOn", {
                        date: format.dateTime(r.paidAt, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
                      })
                    : t("outcome.notPaid")}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {letters.length > 0 && (
        <section
          aria-labelledby="letters-title"
          className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5"
          data-testid="customer-letters"
        >
          <h2 id="letters-title" className="text-lg font-semibold">
            {t("letters.customerTitle")}
          </h2>
          <ul className="flex flex-col gap-1">
            {letters.map((l) => (
              <li key={l.id}>
                {t(`letters.kinds.${l.kind}`)} · {day(l.sentAt)} ·{" "}
                <a
                  href={`/api/letters/${l.id}?token=${encodeURIComponent(token)}`}
                  className="font-medium text-teal-800 underline"
                  data-testid={`download-${l.kind}`}
                  rel="noreferrer"
                >
                  {t("letters.download")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
