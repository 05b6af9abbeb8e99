import type { AnyDomainError } from "@/domain/errors";
import { attachmentFieldErrors } from "@/features/attachments/messages";
import { apologyFindingMessage } from "@/features/protocol/apology-messages";
import { refusalMessage } from "@/features/protocol/refusal-message";
import { regulatedRefusalMessage } from "@/features/letters/refusal-message";
import type { FormState, Translate } from "./form-state";

interface Sent {
  /** The text fields sent, given back so nothing typed is lost. */
  values?: Record<string, string>;
  /** How many files the form carried: they cannot be given back, so the form says to choose them again. */
  fileCount?: number;
}

/**
 * A refusal as the form shows it, in the reader's language: the one mapper from DomainError to a
 * form state (the other one, to problem+json, is api/problem.ts). `code` tells callers which refusal
 * it was without parsing the sentence.
 */
export function errorState(error: AnyDomainError, t: Translate, { values = {}, fileCount = 0 }: Sent = {}): FormState<never> {
  const problems = error.code === "attachmentsRefused" ? error.details.problems : [];
  const refuse = (message: string, code: string, fieldErrors: Record<string, string[]> = {}): FormState<never> => ({
    status: "error",
    message,
    fieldErrors: { ...fieldErrors, ...attachmentFieldErrors({ fileCount, problems }, t) },
    values,
    code,
  });
  const onField = (field: string, message: string, code: string) => refuse(t("errors.fixFields"), code, { [field]: [message] });
  switch (error.code) {
    case "notSignedIn":
    case "forbidden":
    case "conflict":
      return refuse(t(`protocol.${error.code}`), error.code);
    case "notFound":
      return refuse(t(error.details.of === "trackingLink" ? "track.unknownLink" : "protocol.notFound"), "notFound");
    case "protocolRefused": {
      const why = refusalMessage(error.details.refusal, t);
      return refuse(error.details.saved ? `${t("protocol.savedNotMoved")} ${why}` : why, "refused");
    }
    case "apologyRefused":
      return refuse(t("protocol.apologyCheck.refused"), "apologyRefused", {
        body: error.details.findings.map((finding) => apologyFindingMessage(finding, t)),
      });
    case "invalidChange":
      return refuse(t(`protocol.invalid.${error.details.code}`), error.details.code);
    case "unknownCategory":
      return onField("category", t("errors.invalidChoice"), "invalidInput");
    case "attachmentsRefused":
      return refuse(t("errors.fixFields"), "invalidInput");
    case "storageUnavailable":
      return refuse(t("errors.storageUnavailable"), "storageUnavailable");
    case "adminRefused": {
      const { code, field, values: words } = error.details;
      const message = t(`admin.refusals.${code}`, words);
      return field ? onField(field, message, code) : refuse(message, code);
    }
    case "supervisorRefused": {
      const { code, field, values: words } = error.details;
      const message = t(`supervisorRefusals.${code}`, words);
      return field ? onField(field, message, code) : refuse(message, code);
    }
    case "customerRefused":
      return refuse(t(`track.refused.${error.details.code}`), error.details.code);
    case "webhookTargetRefused": {
      const { reason, host = "", address = "" } = error.details;
      return onField("url", t(`integrations.webhooks.refused.${reason}`, { host, address }), "refused");
    }
    case "alreadyGone":
      return refuse(
        t(
          error.details.what === "apiToken"
            ? "integrations.tokens.alreadyRevoked"
            : error.details.what === "mailbox"
              ? "inbound.alreadyStopped"
              : "integrations.webhooks.alreadyDisabled",
        ),
        "refused",
      );
    case "partlyStale": {
      const { done, skipped } = error.details;
      const reasons = skipped.map(({ reference, reason }) => t(`bulk.skipped.${reason}`, { reference }));
      return refuse(`${t("bulk.partly", { done, skipped: skipped.length })} ${reasons.join("; ")}.`, "conflict");
    }
    case "signInRefused":
      return refuse(t(`login.${error.details.reason}`), "signInRefused");
    case "rateLimited":
      return refuse(t("errors.rateLimited", { minutes: Math.ceil(error.details.retryAfterSeconds / 60) }), "rateLimited");
    case "automated":
      return refuse(t("errors.automated"), "automated");
    case "regulatedRefused":
      return refuse(regulatedRefusalMessage(error.details, t), error.details.code);
  }
}
