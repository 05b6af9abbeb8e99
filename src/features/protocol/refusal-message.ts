import type { Refusal } from "@/domain/protocol";
import type { Translate } from "@/lib/forms/form-state";

/** A refusal in the reader's language, naming every unmet gate; shared by the workspace and the API. */
export function refusalMessage(refusal: Refusal, t: Translate): string {
  if (refusal.reason !== "gatesUnmet") return t(`protocol.refusals.${refusal.reason}`);
  return t("protocol.refusals.gatesUnmet", { gates: refusal.gates.map((g) => t(`protocol.gates.${g}`)).join(" ") });
}
