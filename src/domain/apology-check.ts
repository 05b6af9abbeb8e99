import type { ResolutionKind } from "./resolution";
import type { LanguagePatterns, Patterns } from "./apology-patterns";
import { EN } from "./apology-patterns-en";
import { ID } from "./apology-patterns-id";

// Whether an apology is a real one, in English and Indonesian, offline and without a model.
//
// What makes an apology work (Lewicki, Polin & Lount 2016): expression of regret, explanation,
// acknowledgement of responsibility, declaration of repentance, offer of repair, request for
// forgiveness — responsibility and repair weigh most, so missing both blocks and missing any other
// is advice. What makes a non-apology blocks outright: a conditional, blame moved to the customer,
// a policy quoted without its reason, an error nobody owns, a dismissal, a text too thin to carry
// regret and repair, and one that does not name the resolution actually chosen.
//
// The patterns are data, per language (./apology-patterns-en.ts, ./apology-patterns-id.ts): a new
// phrase is a line there, not a branch here.

export type ApologyLocale = "en" | "id";

export type ApologyElement = "regret" | "explanation" | "responsibility" | "repentance" | "repair" | "forgiveness";

export type ApologyFindingCode =
  // blocking
  | "conditional"
  | "blame"
  | "policyWithoutReason"
  | "passiveEvasion"
  | "dismissal"
  | "tooThin"
  | "noResponsibilityOrRepair"
  | "resolutionNotNamed"
  | "amountMismatch"
  // advice
  | "noRegret"
  | "noExplanation"
  | "noResponsibility"
  | "noRepentance"
  | "noRepair"
  | "noForgiveness"
  | "amountNotNamed";

export interface ApologyFinding {
  code: ApologyFindingCode;
  severity: "block" | "advice";
  /** The words that raised it, as written in the text (lower-cased), for the message to quote. */
  match?: string;
  /** What the text should name: the chosen resolution's label, or the amount. */
  expected?: string;
}

export interface ApologyContext {
  /** The resolution chosen at RESOLVE. */
  kind: ResolutionKind;
  /** Its names as the customer may read them (the English and Indonesian labels). */
  labels: readonly string[];
  /** The amount granted, in the ticket's currency, when the kind carries one. */
  amount?: number | null;
}

export interface ApologyCheck {
  ok: boolean;
  findings: ApologyFinding[];
}

export const APOLOGY_PATTERNS: Record<ApologyLocale, LanguagePatterns> = { en: EN, id: ID };

const ADVICE_FOR: Partial<Record<ApologyElement, ApologyFindingCode>> = {
  regret: "noRegret",
  explanation: "noExplanation",
  repentance: "noRepentance",
  forgiveness: "noForgiveness",
};

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function firstMatch(text: string, patterns: Patterns): string | undefined {
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    if (found) return found[0].trim();
  }
  return undefined;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/).filter((s) => s.trim() !== "");
}

/** A policy is quoted without a reason when neither its own sentence nor the next one gives one. */
function policyWithoutReason(text: string, p: LanguagePatterns): string | undefined {
  const parts = sentences(text);
  for (const [i, sentence] of parts.entries()) {
    const quoted = firstMatch(sentence, p.policy);
    if (quoted && !firstMatch(`${sentence} ${parts[i + 1] ?? ""}`, p.policyReason)) return quoted;
  }
  return undefined;
}

const MULTIPLIERS: Record<string, number> = { ribu: 1e3, rb: 1e3, k: 1e3, juta: 1e6, jt: 1e6, million: 1e6, thousand: 1e3 };

/** The amounts written in the text, read with either thousands separator ("2,000,000", "450.000", "450 ribu"). */
export function amountsIn(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(/(\d[\d.,]*)\s*(ribu|rb|k|juta|jt|million|thousand)?\b/g)) {
    const written = m[1]!.replace(/[.,]$/, "");
    const scale = m[2] ? MULTIPLIERS[m[2]]! : 1;
    // A trailing two-digit group is cents ("450.000,00", "12.50"); other groups are thousands.
    const cents = /[.,]\d{2}$/.exec(written);
    const whole = cents ? written.slice(0, -3) : written;
    if (m[2] && /^\d+[.,]\d$/.test(written)) found.push(Number(written.replace(",", ".")) * scale);
    else found.push((Number(whole.replace(/[.,]/g, "")) + (cents ? Number(cents[0].slice(1)) / 100 : 0)) * scale);
  }
  return found.filter((n) => Number.isFinite(n) && n > 0);
}

function resolutionFindings(text: string, p: LanguagePatterns, context: ApologyContext): ApologyFinding[] {
  const findings: ApologyFinding[] = [];
  const words = [...(p.resolution[context.kind] ?? [])];
  const namedByLabel = context.labels.some((label) => label.trim() !== "" && text.includes(normalise(label)));
  if (words.length > 0 && !namedByLabel && !firstMatch(text, words)) {
    findings.push({ code: "resolutionNotNamed", severity: "block", expected: context.labels[0] });
  }
  if (context.amount) {
    const written = amountsIn(text);
    const currencyAmounts = [...text.matchAll(/(?:rp\.?|idr|\$|usd)\s?(\d[\d.,]*\s*(?:ribu|rb|k|juta|jt)?)/g)].flatMap((m) =>
      amountsIn(m[1]!),
    );
    const expected = String(context.amount);
    if (!written.some((n) => Math.abs(n - context.amount!) < 0.005)) {
      findings.push(
        currencyAmounts.length > 0
          ? { code: "amountMismatch", severity: "block", expected }
          : { code: "amountNotNamed", severity: "advice", expected },
      );
    }
  }
  return findings;
}

function elementsIn(t: string, p: LanguagePatterns): Record<ApologyElement, boolean> {
  return Object.fromEntries(
    (Object.keys(p.elements) as ApologyElement[]).map((element) => [element, firstMatch(t, p.elements[element]) !== undefined]),
  ) as Record<ApologyElement, boolean>;
}

/** What makes a non-apology, wherever it is written: each with the words that raised it. */
function nonApologyFindings(t: string, p: LanguagePatterns, present: Record<ApologyElement, boolean>): ApologyFinding[] {
  const findings: ApologyFinding[] = [];
  for (const code of ["conditional", "blame", "dismissal"] as const) {
    const match = firstMatch(t, p[code]);
    if (match) findings.push({ code, severity: "block", match });
  }
  const policy = policyWithoutReason(t, p);
  if (policy) findings.push({ code: "policyWithoutReason", severity: "block", match: policy });
  // "terjadi kesalahan di pihak kami" is passive in form but owns the error: only an unowned one evades.
  const passive = firstMatch(t, p.passive);
  if (passive && !present.responsibility) findings.push({ code: "passiveEvasion", severity: "block", match: passive });
  return findings;
}

/**
 * A public reply is not the apology and is never held back; what would make it a non-apology
 * (blame, a bare policy, a dismissal, …) is worth knowing before it goes, as advice.
 */
export function replyAdvice(text: string, locale: ApologyLocale): ApologyFinding[] {
  const p = APOLOGY_PATTERNS[locale];
  const t = normalise(text);
  return nonApologyFindings(t, p, elementsIn(t, p)).map((f) => ({ ...f, severity: "advice" }));
}

/** Checks an apology before it reaches the customer; `ok` is false when any finding blocks. */
export function checkApology(text: string, locale: ApologyLocale, context?: ApologyContext): ApologyCheck {
  const p = APOLOGY_PATTERNS[locale];
  const t = normalise(text);
  const findings: ApologyFinding[] = [];
  const block = (code: ApologyFindingCode) => findings.push({ code, severity: "block" });
  const present = elementsIn(t, p);

  const wordCount = t.split(" ").filter((w) => /\p{L}/u.test(w)).length;
  if (wordCount < p.minWords) block("tooThin");
  findings.push(...nonApologyFindings(t, p, present));

  if (!present.responsibility && !present.repair) block("noResponsibilityOrRepair");
  else if (!present.responsibility) findings.push({ code: "noResponsibility", severity: "advice" });
  else if (!present.repair) findings.push({ code: "noRepair", severity: "advice" });

  if (context) findings.push(...resolutionFindings(t, p, context));

  for (const [element, code] of Object.entries(ADVICE_FOR) as [ApologyElement, ApologyFindingCode][]) {
    if (!present[element]) findings.push({ code, severity: "advice" });
  }

  return { ok: !findings.some((f) => f.severity === "block"), findings };
}

/** The chosen resolution as the check reads it; without one there is nothing the apology must name. */
export function apologyContextOf(
  option: { kind: ResolutionKind; labelEn: string; labelId: string } | null,
  amount: string | number | null,
): ApologyContext | undefined {
  if (!option) return undefined;
  return { kind: option.kind, labels: [option.labelEn, option.labelId], amount: amount === null ? null : Number(amount) };
}
