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
  escalation?: { body: ExternalBody; timeLimitMonths?: number };
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
      },
    ],
    calendar: "ID",
    finalResponse: { days: 10, unit: "working" },
    finalResponseSpoken: { days: 5, unit: "working" },
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
        url: "https://www.bi.go.id/id/publikasi/peraturan/Pages/PBI_030323.aspx",
      },
      {
        title: "Peraturan Anggota Dewan Gubernur Nomor 20 Tahun 2023",
        url: "https://www.bi.go.id/id/publikasi/peraturan/Default.aspx",
      },
    ],
    calendar: "ID",
    finalResponse: { days: 20, unit: "working" },
    countsFromComplete: true,
    extension: { days: 20, unit: "working", max: 1 },
    warnBefore: { days: 3, unit: "working", policy: true },
    escalation: { body: "BANK_INDONESIA" },
  },
  FCA: {
    code: "FCA",
    nameEn: "UK FCA — DISP 1, complaint handling",
    nameId: "FCA Inggris — DISP 1, penanganan pengaduan",
    sources: [{ title: "FCA Handbook, DISP 1 Treating complainants fairly", url: "https://www.handbook.fca.org.uk/handbook/DISP/1/" }],
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
