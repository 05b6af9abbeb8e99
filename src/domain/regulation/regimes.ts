// The complaint-handling regimes Tanggap ships, as data. An admin picks one per category
// (Category.regime); a ticket keeps the regime it was filed under (Ticket.regime). The numbers below
// are the defaults the regulations set; where a number is a firm's policy choice it is marked
// `policy` and an admin may change it. Each regime cites its source so the admin page and the
// README can show where a number comes from.

export const REGIME_CODES = ["NONE", "OJK", "BI", "FCA", "ASIC"] as const;
export type RegimeCode = (typeof REGIME_CODES)[number];

export const EXTERNAL_BODIES = ["LAPS_SJK", "OJK", "BANK_INDONESIA", "FOS", "AFCA"] as const;
export type ExternalBody = (typeof EXTERNAL_BODIES)[number];

/** Which shipped holiday calendar a regime counts its working days on. */
export type RegimeCalendar = "ID" | "GB-EAW" | "AU";

export interface Source {
  title: string;
  url: string;
  /** The article or section each number comes from, and how far it was checked against the text. */
  section?: string;
}

/** A span of time as the regulation states it: working (business) days or calendar days. */
export interface Span {
  days: number;
  unit: "working" | "calendar";
  /** A firm's choice the regulation leaves open: an admin may edit it. */
  policy?: boolean;
}

export interface Regime {
  code: RegimeCode;
  nameEn: string;
  nameId: string;
  sources: readonly Source[];
  calendar: RegimeCalendar | null;
  /** Acknowledge the complaint within. */
  acknowledge?: Span;
  /** Final response to a written complaint, counted from receipt (or completeness, see below). */
  finalResponse?: Span;
  /** Final response to a spoken complaint (OJK). */
  finalResponseSpoken?: Span;
  /** Counted from the day the complaint is complete rather than received (the clock pauses while incomplete). */
  countsFromComplete?: boolean;
  /** One extension, by this span, with notice to the customer before the first deadline. */
  extension?: Span & { max: number };
  /** A complaint resolved within this span may be closed with a summary resolution communication (FCA). */
  summaryResolution?: Span;
  /** Payment services complaints (FCA DISP 1.6.2A): final response within, or `exceptional` with a holding reply. */
  paymentServices?: { finalResponse: Span; exceptional: Span };
  /** Default-notice and hardship complaints (ASIC RG 271.60). */
  hardship?: { finalResponse: Span };
  /** Warn staff this many working days before the deadline. */
  warnBefore: Span;
  /** Where the customer may go when the complaint is not settled, and the time limit for it. */
  escalation?: { body: ExternalBody; timeLimitMonths?: number; timeLimit?: Span };
}

export const REGIMES: Readonly<Record<RegimeCode, Regime>> = {
  NONE: {
    code: "NONE",
    nameEn: "None (the per-stage SLA alone)",
    nameId: "Tidak ada (SLA per tahap saja)",
    sources: [],
    calendar: null,
    warnBefore: { days: 1, unit: "working", policy: true },
  },
  OJK: {
    code: "OJK",
    nameEn: "OJK — POJK 22/2023, consumer protection in the financial services sector",
    nameId: "OJK — POJK 22/2023, pelindungan konsumen dan masyarakat di sektor jasa keuangan",
    sources: [
      {
        title: "Peraturan OJK Nomor 22 Tahun 2023 tentang Pelindungan Konsumen dan Masyarakat di Sektor Jasa Keuangan",
        url: "https://ojk.go.id/id/regulasi/Pages/POJK-22-Tahun-2023-Pelindungan-Konsumen-dan-Masyarakat-di-Sektor-Jasa-Keuangan.aspx",
        section:
          "Penanganan pengaduan (complaint handling): a written complaint followed up and settled within 10 working days of a complete complaint, extendable once by 10 working days with written notice before the first period ends; a spoken complaint within 5 working days; unresolved, to LAPS SJK. The numbers are those of the issue and the regulation's summaries; the article numbers could not be read from the regulation's text here: check them against the text. Counting from completeness is editable.",
      },
    ],
    calendar: "ID",
    finalResponse: { days: 10, unit: "working" },
    finalResponseSpoken: { days: 5, unit: "working" },
    // Counted from the day the complaint is complete: an admin may turn this off (RegimeSetting).
    countsFromComplete: true,
    extension: { days: 10, unit: "working", max: 1 },
    warnBefore: { days: 2, unit: "working", policy: true },
    escalation: { body: "LAPS_SJK" },
  },
  BI: {
    code: "BI",
    nameEn: "Bank Indonesia — PBI 3/2023 and PADG 20/2023, payment-system consumer protection",
    nameId: "Bank Indonesia — PBI 3/2023 dan PADG 20/2023, pelindungan konsumen sistem pembayaran",
    sources: [
      {
        title: "Peraturan Bank Indonesia Nomor 3 Tahun 2023 tentang Pelindungan Konsumen Bank Indonesia",
        url: "https://www.bi.go.id/id/publikasi/peraturan/Pages/PBI_032023.aspx",
      },
      {
        title: "Peraturan Anggota Dewan Gubernur Nomor 20 Tahun 2023 tentang Tata Cara Pelaksanaan Pelindungan Konsumen Bank Indonesia",
        url: "https://www.bi.go.id/id/publikasi/peraturan/Pages/PADG_202023.aspx",
        section:
          "Pasal 25: the Penyelenggara handles and settles complaints, spoken (a misunderstanding) or written (a dispute, a breach, a loss). Pasal 36–40: a consumer not agreeing with the result may go to Bank Indonesia within 60 working days of the written result (Pasal 40). The 20 + 20 working days are the span Bank Indonesia has long set for its Penyelenggara and banks publish; the article was not found in the text here: check it against the text.",
      },
    ],
    calendar: "ID",
    finalResponse: { days: 20, unit: "working" },
    countsFromComplete: true,
    extension: { days: 20, unit: "working", max: 1 },
    warnBefore: { days: 3, unit: "working", policy: true },
    escalation: { body: "BANK_INDONESIA", timeLimit: { days: 60, unit: "working" } },
  },
  FCA: {
    code: "FCA",
    nameEn: "UK FCA — DISP 1, complaint handling",
    nameId: "FCA Inggris — DISP 1, penanganan pengaduan",
    sources: [
      {
        title: "FCA Handbook, DISP 1 Treating complainants fairly",
        url: "https://www.handbook.fca.org.uk/handbook/DISP/1/",
        section:
          "DISP 1.6.1R: a prompt written acknowledgement (no number: 1 business day is the firm's choice). DISP 1.6.2R: a final response by the end of eight weeks after receipt, with the Financial Ombudsman Service's leaflet and its six-month limit. DISP 1.6.2AR: payment services and e-money, 15 business days, or a holding reply and 35 business days in exceptional circumstances. DISP 1.5.1R/1.5.4R: resolved by close of business on the third business day after receipt, a summary resolution communication. Checked against the Handbook's text.",
      },
    ],
    calendar: "GB-EAW",
    acknowledge: { days: 1, unit: "working", policy: true },
    finalResponse: { days: 56, unit: "calendar" },
    summaryResolution: { days: 3, unit: "working" },
    paymentServices: { finalResponse: { days: 15, unit: "working" }, exceptional: { days: 35, unit: "working" } },
    warnBefore: { days: 5, unit: "working", policy: true },
    escalation: { body: "FOS", timeLimitMonths: 6 },
  },
  ASIC: {
    code: "ASIC",
    nameEn: "Australia ASIC — RG 271, internal dispute resolution",
    nameId: "ASIC Australia — RG 271, penyelesaian sengketa internal",
    sources: [
      {
        title: "ASIC Regulatory Guide 271 Internal dispute resolution",
        url: "https://asic.gov.au/regulatory-resources/find-a-document/regulatory-guides/rg-271-internal-dispute-resolution/",
        section:
          "RG 271 (enforceable through ASIC Corporations, Credit and Superannuation (Internal Dispute Resolution) Instrument 2020/98): acknowledge within 24 hours or one business day; an IDR response within 30 calendar days of receipt; 21 calendar days for default-notice and hardship complaints; the response states the right to go to AFCA, whose rules allow two years from the IDR response.",
      },
    ],
    calendar: "AU",
    acknowledge: { days: 1, unit: "working" },
    finalResponse: { days: 30, unit: "calendar" },
    hardship: { finalResponse: { days: 21, unit: "calendar" } },
    warnBefore: { days: 3, unit: "working", policy: true },
    escalation: { body: "AFCA", timeLimitMonths: 24 },
  },
};

export function regime(code: RegimeCode): Regime {
  return REGIMES[code];
}
