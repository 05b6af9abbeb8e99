import type { DomainErrorDetails } from "@/domain/errors";
import type { Translate } from "@/lib/forms/form-state";

const KEYS: Record<DomainErrorDetails["regulatedRefused"]["code"], string> = {
  missing: "letters.refused.missing",
  kindNotForRegime: "letters.refused.kindNotForRegime",
  summaryTooLate: "letters.refused.summaryTooLate",
  unfilled: "letters.refused.unfilled",
  outcomeStage: "outcome.onlyResolveApologise",
  externalNotFound: "external.notFound",
  externalDecided: "external.alreadyDecided",
  decidedBeforeReferred: "external.decidedBeforeReferred",
};

/** A regulated refusal in the reader's language; a letter lacking elements names each of them. */
export function regulatedRefusalMessage(details: DomainErrorDetails["regulatedRefused"], t: Translate): string {
  return t(KEYS[details.code], {
    elements: (details.elements ?? []).map((e) => t(`letters.elements.${e}`)).join("; "),
    placeholders: (details.placeholders ?? []).join(", "),
  });
}
