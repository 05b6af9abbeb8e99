import type { ResolutionKind } from "./resolution";

// Whether an apology is a real one, in English and Indonesian, offline and without a model.
//
// What makes an apology work (Lewicki, Polin & Lount 2016): expression of regret, explanation,
// acknowledgement of responsibility, declaration of repentance, offer of repair, request for
// forgiveness — responsibility and repair weigh most, so missing both blocks and missing any other
// is advice. What makes a non-apology blocks outright: a conditional, blame moved to the customer,
// a policy quoted without its reason, an error nobody owns, a dismissal, a text too thin to carry
// regret and repair, and one that does not name the resolution actually chosen.
//
// The patterns are data, per language: a new phrase is a line in PATTERNS, not a branch.

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

type Patterns = readonly RegExp[];

interface LanguagePatterns {
  elements: Record<ApologyElement, Patterns>;
  conditional: Patterns;
  blame: Patterns;
  policy: Patterns;
  /** A reason given with a policy: the policy is then explained, not hidden behind. */
  policyReason: Patterns;
  passive: Patterns;
  dismissal: Patterns;
  /** Words that name each kind of resolution, beside the option's own labels. */
  resolution: Partial<Record<ResolutionKind, Patterns>>;
  /** Below this many words a text cannot carry both regret and repair. */
  minWords: number;
}

// Indonesian forms of address, formal and informal: a pattern about "the customer" names any of them.
const YOU_ID = "(?:bapak|ibu|anda|kakak|kak|pak|bu|saudara|saudari|mas|mbak)\\b";

const EN: LanguagePatterns = {
  elements: {
    regret: [/\b(?:sorry|apologi[sz]e|apologies|apology|regret)\b/],
    explanation: [
      /\bbecause\b/,
      /\bdue to\b/,
      /\bcaused by\b/,
      /\bwhat happened\b/,
      /\bthe reason\b/,
      /\bturned out\b/,
      /\bwe found\b/,
      /\b(?:we|i) (?:have |'ve )?(?:checked|looked into|investigated|traced)\b/,
      /\bour (?:check|investigation|review)\b/,
      /\bwas (?:caused|due)\b/,
      /\bfaulty\b/,
      /\bwhen (?:we|our)\b/,
    ],
    responsibility: [
      /\b(?:we|i) (?:made|caused) (?:a |an |the |this )?(?:mistake|error|problem)\b/,
      /\b(?:our|my) (?:own )?(?:mistake|fault|error|failure|responsibility|oversight)\b/,
      /\b(?:this|it|that) (?:was|is) (?:on us|on me|down to us)\b/,
      /\b(?:we|i) (?:take|accept) (?:full |complete )?responsibility\b/,
      /\b(?:we|i) (?:got (?:it|this) wrong|let you down|fell short|failed)\b/,
      /\b(?:we|i) (?:should|shouldn't|should not) (?:have|never have)\b/,
      /\bwe should've\b/,
      /\b(?:mistake|error|fault) (?:was|is) (?:ours|mine|on our side|on our part|on our end)\b/,
      /\bon our (?:side|part|end)\b/,
      /\b(?:we|i) (?:sent|shipped|packed|delivered|gave you|told you) (?:you )?(?:the |a |an )?(?:wrong|incorrect|damaged|broken|faulty|late)\b/,
      /\b(?:we|i) (?:charged|billed) you (?:twice|too much|more|double|incorrectly)\b/,
      /\b(?:we|i) (?:overcharged|forgot|missed|lost|damaged|mixed up|misread|delayed|mishandled|broke|ignored|kept you waiting)\b/,
      /\bwe were (?:wrong|slow|rude|careless|late)\b/,
      /\byou were right\b/,
      /\bnot your fault\b/,
    ],
    repentance: [
      /\b(?:won't|will not|never|doesn't|does not) happen again\b/,
      /\bto (?:prevent|avoid|stop) (?:this|it|that|the same)\b/,
      /\bso (?:that )?(?:this|it|no one|nobody)\b/,
      /\b(?:we|i) (?:have |'ve |will |'ll )?(?:changed|improved|retrained|trained|added|updated|reviewed|tightened|fixed how)\b/,
      /\bgoing forward\b/,
      /\bfrom now on\b/,
      /\bin (?:the )?future\b/,
      /\bno one else\b/,
      /\b(?:check|checked|checking|inspect|inspected) (?:the|every|each|all)\b/,
      /\blearn(?:ed|t)? from\b/,
    ],
    repair: [
      /\brefund(?:ed|ing)?\b/,
      /\breplace(?:ment|d)?\b/,
      /\bexchange(?:d)?\b/,
      /\bvoucher\b/,
      /\bcredit(?:ed)?\b/,
      /\bgift card\b/,
      /\bnew one\b/,
      /\bon (?:its|the|their) way\b/,
      /\b(?:we|i) (?:have |'ve |will |'ll |are |'re )?(?:sent|sending|send|returned|repaired|repairing|fixed|fixing|arranged|arranging|credited|delivered|reversed|cancelled|canceled|covered|paid|waived|reimbursed)\b/,
      /\bmoney back\b/,
      /\bcompensat/,
      /\bmanager\b/,
      /\b(?:call|contact|visit) you\b/,
      /\brepair/,
      /\b(?:rp|idr|usd|\$)\s?\d/,
    ],
    forgiveness: [
      /\bforgive\b/,
      /\bforgiveness\b/,
      /\baccept (?:our|my) apolog/,
      /\b(?:another|a second) chance\b/,
      /\bhope (?:you|to) (?:can |will )?(?:accept|give|keep|earn|win|regain)\b/,
    ],
  },
  conditional: [
    /\b(?:sorry|apologi[sz]e|apologies|regret) if\b/,
    /\bsorry (?:that )?you (?:feel|felt|think|thought|are upset|were upset|see it)\b/,
    /\bif (?:you|anyone) (?:feel|felt|were|are|was) (?:upset|offended|inconvenienced|disappointed|unhappy)\b/,
    /\bif (?:we|this|that|it) (?:has |have )?(?:caused|upset|offended|inconvenienced)\b/,
    /\b(?:may|might) have (?:caused|experienced|felt)\b/,
    /\bto the extent that\b/,
    /\bif any (?:inconvenience|offense|offence|harm)\b/,
  ],
  blame: [
    /\byou should(?: have|'ve|\s+not have|n't have)\b(?! (?:been|had|received|got|gotten|heard|never)\b)/,
    /\byou (?:failed|forgot|neglected) to\b/,
    /(?<!not |n't |no )\byour (?:own )?(?:fault|mistake|error|negligence|responsibility)\b/,
    /\bif you had (?:read|checked|followed|looked|paid|been)\b/,
    /\b(?:you|the customer) (?:did not|didn't|did n't) (?:read|follow|check|look|pay attention)\b/,
    /\bdue to (?:your|customer) (?:error|mistake|negligence)\b/,
    /\bas you were (?:told|informed|warned)\b/,
  ],
  policy: [
    /\b(?:according to|per|as per|in line with|under|in accordance with) (?:our|the company'?s?|company|store) (?:policy|policies|terms|rules|procedures?)\b/,
    /\b(?:our|company|store) policy (?:is|states|says|does not|doesn't|prohibits|requires)\b/,
    /\bit is (?:our|company) policy\b/,
    /\bcompany policy\b/,
  ],
  policyReason: [
    /\bbecause\b/,
    /\bso (?:that|we|you)\b/,
    /\bin order to\b/,
    /\bto (?:protect|keep|make sure|ensure|prevent)\b/,
    /\bsince\b/,
    /\bthe reason\b/,
    /\bwhich (?:ensures|protects|means|keeps)\b/,
  ],
  passive: [
    /\bmistakes (?:were|have been) made\b/,
    /\b(?:an? |the )?(?:error|mistake|problem|issue|glitch) (?:has )?(?:occurred|happened|arose)\b/,
    /\bthere (?:was|has been|were) (?:an? |some )?(?:error|mistake|issue|problem|mix-up)s?\b/,
    /\bthings (?:went|have gone) wrong\b/,
    /\b(?:was|were) (?:sent|shipped|charged|delivered) (?:in error|by mistake|incorrectly)\b/,
  ],
  dismissal: [
    /\b(?:do not|don't|please do not|please don't) (?:contact|write to|email|call) us\b/,
    /\b(?:this|the) (?:matter|case|issue|ticket|complaint) is (?:now )?closed\b/,
    /\bno further (?:correspondence|communication|discussion|contact)\b/,
    /\bwe (?:will not|won't) (?:respond|reply|discuss|answer)\b/,
    /\bwe consider (?:this|the) (?:matter|case|issue) (?:closed|resolved|settled)\b/,
    /\bnothing (?:more|further|else) (?:we can|can be|to be) done\b/,
    /\b(?:ticket|case) closed\b/,
  ],
  resolution: {
    REFUND: [/\brefund/, /\bmoney back\b/, /\breimburs/, /\bpaid (?:you )?back\b/],
    FULL_REFUND: [/\brefund/, /\bmoney back\b/, /\breimburs/, /\bfull amount\b/],
    STORE_CREDIT: [/\bcredit/, /\bvoucher\b/, /\bbalance\b/],
    EXCHANGE: [/\bexchange/, /\breplace/, /\bnew (?:one|parcel|pair|unit|item)\b/, /\bswap/],
    GOODWILL_GIFT: [/\bgift\b/, /\bvoucher\b/, /\bgift card\b/],
    MANAGER_FOLLOW_UP: [/\bmanager\b/, /\bsupervisor\b/, /\bhead of\b/],
  },
  minWords: 15,
};

const ID: LanguagePatterns = {
  elements: {
    regret: [/\bmaaf(?:kan)?\b/, /\bmenyesal\b/, /\bmenyesalkan\b/, /\bsesal\b/],
    explanation: [
      /\bkarena\b/,
      /\bdisebabkan\b/,
      /\bpenyebab(?:nya)?\b/,
      /\bternyata\b/,
      /\bakibat\b/,
      /\bsebab\b/,
      /\bsetelah kami (?:cek|periksa|telusuri|selidiki)\b/,
      /\bhasil (?:pemeriksaan|penelusuran|pengecekan)\b/,
      /\bkami (?:sudah |telah )?(?:memeriksa|menelusuri|mengecek|menyelidiki)\b/,
      /\brusak\b/,
      /\bcacat\b/,
    ],
    responsibility: [
      /\b(?:kesalahan|kekeliruan|kelalaian|kealpaan) (?:ini )?(?:adalah )?(?:sepenuhnya )?(?:kami|saya|dari kami|pihak kami|tim kami)\b/,
      /\b(?:kami|saya) (?:yang )?(?:salah|keliru|lalai|khilaf)\b/,
      /\b(?:di|dari) pihak kami\b/,
      /\btanggung jawab (?:kami|saya)\b/,
      /\b(?:kami|saya) (?:bertanggung jawab|mengakui|akui)\b/,
      /\b(?:kami|saya) (?:gagal|kurang teliti|kurang cermat|teledor)\b/,
      /\b(?:kami|saya) salah (?:mengirim|kirim|menagih|memotong|input|mencatat|memberi)\b/,
      /\b(?:kami|saya) (?:lupa|terlambat|mengabaikan|menghilangkan|merusak|lalai)\b/,
      /\b(?:kami|saya) (?:menagih|memotong|membebankan) (?:dua kali|lebih|berlebih)/,
      /\b(?:kami|saya) mengirim (?:barang |produk |ukuran |warna )?(?:yang )?(?:salah|keliru|rusak)\b/,
      /\bsalah (?:kirim|tagih|potong|input) (?:dari )?(?:kami|pihak kami)\b/,
      /\bbukan kesalahan (?:bapak|ibu|anda|kakak|kak|pak|bu)\b/,
      /\bsudah tepat (?:bapak|ibu|anda|kakak|kak)\b/,
      /\bseharusnya (?:kami|saya)\b/,
    ],
    repentance: [
      /\btidak (?:akan )?terulang\b/,
      /\bmencegah\b/,
      /\bke ?depan(?:nya)?\b/,
      /\bmulai (?:sekarang|hari ini)\b/,
      /\b(?:kami|saya) (?:sudah |telah |akan )?(?:memperbaiki proses|memperketat|mengevaluasi|membenahi|melatih|memeriksa ulang|mengecek ulang)\b/,
      /\bevaluasi\b/,
      /\b(?:agar|supaya) tidak\b/,
      /\bbelajar dari\b/,
      /\btidak ada (?:pelanggan|orang) lain\b/,
      /\bpemeriksaan (?:ulang|setiap|tiap)\b/,
    ],
    repair: [
      /\bpengembalian (?:dana|uang)\b/,
      /\b(?:uang|dana)\b.{0,40}\bkembali/,
      /\b(?:kami|sudah kami|telah kami|akan kami) ?(?:kembalikan|transfer|kirim|kirimkan|ganti|tukar|perbaiki|proses|refund|batalkan|hapus)\b/,
      /\bdikembalikan\b/,
      /\bpenukaran\b/,
      /\bditukar\b/,
      /\bpengganti\b/,
      /\bbaru\b.{0,30}\b(?:kirim|dikirim|kami kirim)/,
      /\bvoucher\b/,
      /\bkartu hadiah\b/,
      /\bkompensasi\b/,
      /\brefund\b/,
      /\bsaldo\b/,
      /\bkredit\b/,
      /\bmanajer\b/,
      /\bperbaikan\b/,
      /\b(?:menghubungi|hubungi|mengunjungi) (?:bapak|ibu|anda|kakak|kak)\b/,
      /\b(?:rp|idr)\.?\s?\d/,
    ],
    forgiveness: [
      /\bmaafkan\b/,
      /\bmohon (?:dimaafkan|dimaklumi|kemurahan)\b/,
      /\bberkenan (?:memaafkan|menerima)\b/,
      /\bkesempatan (?:kedua|lagi)\b/,
      /\bmemaafkan\b/,
    ],
  },
  conditional: [
    /\bmaaf (?:jika|kalau|apabila|bila|seandainya|andaikan)\b/,
    new RegExp(`\\b(?:jika|kalau|apabila|bila|seandainya) ${YOU_ID} (?:merasa|tersinggung|kecewa|tidak nyaman|kurang nyaman|dirugikan)\\b`),
    /\byang mungkin (?:timbul|ditimbulkan|terjadi|dirasakan|dialami)\b/,
    /\bmaaf (?:atas|untuk) (?:perasaan|anggapan)\b/,
  ],
  blame: [
    new RegExp(
      `\\b(?:seharusnya|semestinya|harusnya|sebaiknya) ${YOU_ID}(?! (?:tidak|tak|mendapat|mendapatkan|menerima|dilayani|sudah menerima)\\b)`,
    ),
    new RegExp(
      `\\b${YOU_ID} (?:seharusnya|semestinya|harusnya) (?:membaca|memeriksa|mengecek|cek|lebih|memperhatikan|mengikuti|tahu|sudah|bisa)\\b`,
    ),
    new RegExp(`(?<!bukan )\\b(?:kesalahan|kelalaian|kecerobohan|kekeliruan) ${YOU_ID}\\b`),
    new RegExp(`\\b${YOU_ID} sendiri (?:yang )?(?:salah|lalai|keliru|tidak)\\b`),
    new RegExp(`\\b${YOU_ID} (?:tidak|tak) (?:membaca|memperhatikan|mengikuti|mengecek|memeriksa)\\b`),
    /\bkesalahan (?:pelanggan|pembeli|konsumen)\b/,
  ],
  policy: [
    /\bsesuai (?:dengan )?(?:ketentuan|kebijakan|peraturan|aturan|prosedur|sop|syarat dan ketentuan)\b/,
    /\bberdasarkan (?:ketentuan|kebijakan|peraturan|aturan|prosedur)\b/,
    /\b(?:kebijakan|ketentuan|aturan) (?:perusahaan|kami|toko) (?:tidak|melarang|menyatakan|mewajibkan)\b/,
    /\bsudah menjadi (?:kebijakan|ketentuan|aturan)\b/,
  ],
  policyReason: [
    /\bkarena\b/,
    /\bsebab\b/,
    /\bagar\b/,
    /\bsupaya\b/,
    /\bdemi\b/,
    /\buntuk (?:melindungi|menjaga|memastikan|mencegah)\b/,
    /\balasan(?:nya)?\b/,
    /\bbertujuan\b/,
  ],
  passive: [
    /\b(?:telah |sudah )?terjadi (?:suatu |sebuah |sedikit )?(?:kesalahan|kekeliruan|kendala|gangguan|masalah)\b/,
    /\b(?:kesalahan|kekeliruan) (?:telah |sudah )?terjadi\b/,
    /\bada (?:sedikit )?(?:kesalahan|kekeliruan)\b/,
  ],
  dismissal: [
    /\b(?:jangan|tidak perlu|tak perlu) (?:menghubungi|hubungi|membalas|menulis ke) (?:kami )?(?:lagi)?/,
    /\b(?:tiket|kasus|keluhan|laporan|masalah) (?:ini )?(?:kami )?(?:anggap |dianggap )?(?:sudah |telah )?(?:ditutup|tutup)\b/,
    /\b(?:kami )?(?:tidak akan|tak akan) (?:menanggapi|membalas|melayani)\b/,
    /\btidak ada (?:lagi )?yang (?:bisa|dapat) kami lakukan\b/,
  ],
  resolution: {
    REFUND: [/\bpengembalian (?:dana|uang)\b/, /\b(?:uang|dana)\b.{0,40}\bkembali/, /\bdikembalikan\b/, /\brefund\b/, /\bkembalikan\b/],
    FULL_REFUND: [
      /\bpengembalian (?:dana|uang)\b/,
      /\b(?:uang|dana)\b.{0,40}\bkembali/,
      /\bdikembalikan\b/,
      /\brefund\b/,
      /\bkembalikan\b/,
    ],
    STORE_CREDIT: [/\bkredit\b/, /\bsaldo\b/, /\bvoucher\b/],
    EXCHANGE: [/\bpenukaran\b/, /\btukar\b/, /\bditukar\b/, /\bpengganti\b/, /\bganti\b/, /\bbaru\b/],
    GOODWILL_GIFT: [/\bhadiah\b/, /\bvoucher\b/, /\bkartu hadiah\b/],
    MANAGER_FOLLOW_UP: [/\bmanajer\b/, /\batasan\b/, /\bpimpinan\b/, /\bsupervisor\b/],
  },
  minWords: 12,
};

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
