import type { RegimeCalendar } from "./regimes";

// The holiday calendars the regimes count working days on, shipped as data and seeded as
// BusinessCalendars (src/server/seed/regime-calendars.ts); an admin edits them at /admin/calendars.
// Each names its source. Weekly hours are Monday to Friday, 08:00–17:00: a working day is any day
// with hours that is not a holiday (src/domain/working-days.ts).

export interface ShippedHoliday {
  date: string;
  nameEn: string;
  nameId: string;
  /** Not yet on the official list when this was written: a projection to check when it is published. */
  projected?: boolean;
}

export interface ShippedCalendar {
  region: RegimeCalendar;
  name: string;
  timeZone: string;
  source: string;
  holidays: readonly ShippedHoliday[];
}

const h = (date: string, nameEn: string, nameId: string, projected = false): ShippedHoliday => ({
  date,
  nameEn,
  nameId,
  ...(projected && { projected }),
});

// 2026: SKB of the Ministers of Religious Affairs, Manpower and PANRB Nomor 1497 Tahun 2025, Nomor 2
// Tahun 2025, Nomor 5 Tahun 2025 (17 national holidays, 8 days of cuti bersama).
// 2027: no SKB had been published when this list was made. Holidays fixed by date (New Year, Labour
// Day, Pancasila, Independence, Christmas) are certain; the lunar and Easter-dependent ones are
// projections from the astronomical calendars (marked), and 2027's cuti bersama are not listed.
// An admin adds them and corrects the projections when the SKB for 2027 is signed.
const INDONESIA: ShippedCalendar = {
  region: "ID",
  name: "Indonesia — libur nasional dan cuti bersama",
  timeZone: "Asia/Jakarta",
  source:
    "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026 (kemenkopmk.go.id); 2027 projected until its SKB",
  holidays: [
    h("2026-01-01", "New Year's Day 2026", "Tahun Baru 2026 Masehi"),
    h("2026-01-16", "Isra Mi'raj of the Prophet Muhammad", "Isra Mikraj Nabi Muhammad SAW"),
    h("2026-02-16", "Collective leave: Chinese New Year", "Cuti bersama Tahun Baru Imlek"),
    h("2026-02-17", "Chinese New Year 2577 Kongzili", "Tahun Baru Imlek 2577 Kongzili"),
    h("2026-03-18", "Collective leave: Nyepi", "Cuti bersama Hari Suci Nyepi"),
    h("2026-03-19", "Nyepi, Saka New Year 1948", "Hari Suci Nyepi Tahun Baru Saka 1948"),
    h("2026-03-20", "Collective leave: Eid al-Fitr", "Cuti bersama Idul Fitri 1447 H"),
    h("2026-03-21", "Eid al-Fitr 1447 H", "Idul Fitri 1447 H"),
    h("2026-03-22", "Eid al-Fitr 1447 H", "Idul Fitri 1447 H"),
    h("2026-03-23", "Collective leave: Eid al-Fitr", "Cuti bersama Idul Fitri 1447 H"),
    h("2026-03-24", "Collective leave: Eid al-Fitr", "Cuti bersama Idul Fitri 1447 H"),
    h("2026-04-03", "Good Friday", "Wafat Yesus Kristus"),
    h("2026-04-05", "Easter Sunday", "Kebangkitan Yesus Kristus (Paskah)"),
    h("2026-05-01", "International Labour Day", "Hari Buruh Internasional"),
    h("2026-05-14", "Ascension of Jesus Christ", "Kenaikan Yesus Kristus"),
    h("2026-05-15", "Collective leave: Ascension", "Cuti bersama Kenaikan Yesus Kristus"),
    h("2026-05-27", "Eid al-Adha 1447 H", "Idul Adha 1447 H"),
    h("2026-05-28", "Collective leave: Eid al-Adha", "Cuti bersama Idul Adha 1447 H"),
    h("2026-05-31", "Vesak 2570 BE", "Hari Raya Waisak 2570 BE"),
    h("2026-06-01", "Pancasila Day", "Hari Lahir Pancasila"),
    h("2026-06-16", "Islamic New Year 1448 H", "1 Muharam Tahun Baru Islam 1448 H"),
    h("2026-08-17", "Independence Day", "Proklamasi Kemerdekaan"),
    h("2026-08-25", "Prophet Muhammad's Birthday", "Maulid Nabi Muhammad SAW"),
    h("2026-12-24", "Collective leave: Christmas", "Cuti bersama Kelahiran Yesus Kristus"),
    h("2026-12-25", "Christmas Day", "Kelahiran Yesus Kristus"),
    h("2027-01-01", "New Year's Day 2027", "Tahun Baru 2027 Masehi"),
    h("2027-01-05", "Isra Mi'raj of the Prophet Muhammad", "Isra Mikraj Nabi Muhammad SAW", true),
    h("2027-02-06", "Chinese New Year 2578 Kongzili", "Tahun Baru Imlek 2578 Kongzili", true),
    h("2027-03-08", "Nyepi, Saka New Year 1949", "Hari Suci Nyepi Tahun Baru Saka 1949", true),
    h("2027-03-10", "Eid al-Fitr 1448 H", "Idul Fitri 1448 H", true),
    h("2027-03-11", "Eid al-Fitr 1448 H", "Idul Fitri 1448 H", true),
    h("2027-03-26", "Good Friday", "Wafat Yesus Kristus", true),
    h("2027-03-28", "Easter Sunday", "Kebangkitan Yesus Kristus (Paskah)", true),
    h("2027-05-01", "International Labour Day", "Hari Buruh Internasional"),
    h("2027-05-06", "Ascension of Jesus Christ", "Kenaikan Yesus Kristus", true),
    h("2027-05-17", "Eid al-Adha 1448 H", "Idul Adha 1448 H", true),
    h("2027-05-20", "Vesak 2571 BE", "Hari Raya Waisak 2571 BE", true),
    h("2027-06-01", "Pancasila Day", "Hari Lahir Pancasila"),
    h("2027-06-06", "Islamic New Year 1449 H", "1 Muharam Tahun Baru Islam 1449 H", true),
    h("2027-08-15", "Prophet Muhammad's Birthday", "Maulid Nabi Muhammad SAW", true),
    h("2027-08-17", "Independence Day", "Proklamasi Kemerdekaan"),
    h("2027-12-25", "Christmas Day", "Kelahiran Yesus Kristus"),
  ],
};

// The bank holidays of England and Wales as gov.uk publishes them (a substitute weekday when the
// day falls on a weekend).
const ENGLAND_AND_WALES: ShippedCalendar = {
  region: "GB-EAW",
  name: "England and Wales — bank holidays",
  timeZone: "Europe/London",
  source: "UK bank holidays, England and Wales — https://www.gov.uk/bank-holidays",
  holidays: [
    h("2026-01-01", "New Year's Day", "Tahun Baru"),
    h("2026-04-03", "Good Friday", "Jumat Agung"),
    h("2026-04-06", "Easter Monday", "Senin Paskah"),
    h("2026-05-04", "Early May bank holiday", "Libur bank awal Mei"),
    h("2026-05-25", "Spring bank holiday", "Libur bank musim semi"),
    h("2026-08-31", "Summer bank holiday", "Libur bank musim panas"),
    h("2026-12-25", "Christmas Day", "Hari Natal"),
    h("2026-12-28", "Boxing Day (substitute day)", "Boxing Day (hari pengganti)"),
    h("2027-01-01", "New Year's Day", "Tahun Baru"),
    h("2027-03-26", "Good Friday", "Jumat Agung"),
    h("2027-03-29", "Easter Monday", "Senin Paskah"),
    h("2027-05-03", "Early May bank holiday", "Libur bank awal Mei"),
    h("2027-05-31", "Spring bank holiday", "Libur bank musim semi"),
    h("2027-08-30", "Summer bank holiday", "Libur bank musim panas"),
    h("2027-12-27", "Christmas Day (substitute day)", "Hari Natal (hari pengganti)"),
    h("2027-12-28", "Boxing Day (substitute day)", "Boxing Day (hari pengganti)"),
  ],
};

// The public holidays observed across Australia (Fair Work Ombudsman, "Public holidays"): New
// Year's Day, Australia Day, Good Friday, Easter Monday, Anzac Day, Christmas Day and Boxing Day,
// with the substitute weekdays most states give when one falls on a weekend. State holidays (the
// King's Birthday, Labour Day, Melbourne Cup, …) differ by state: an admin adds their state's.
const AUSTRALIA: ShippedCalendar = {
  region: "AU",
  name: "Australia — national public holidays",
  timeZone: "Australia/Sydney",
  source: "Fair Work Ombudsman, Public holidays — https://www.fairwork.gov.au/employment-conditions/public-holidays",
  holidays: [
    h("2026-01-01", "New Year's Day", "Tahun Baru"),
    h("2026-01-26", "Australia Day", "Hari Australia"),
    h("2026-04-03", "Good Friday", "Jumat Agung"),
    h("2026-04-06", "Easter Monday", "Senin Paskah"),
    h("2026-04-25", "Anzac Day", "Hari Anzac"),
    h("2026-12-25", "Christmas Day", "Hari Natal"),
    h("2026-12-28", "Boxing Day (observed)", "Boxing Day (hari pengganti)"),
    h("2027-01-01", "New Year's Day", "Tahun Baru"),
    h("2027-01-26", "Australia Day", "Hari Australia"),
    h("2027-03-26", "Good Friday", "Jumat Agung"),
    h("2027-03-29", "Easter Monday", "Senin Paskah"),
    h("2027-04-25", "Anzac Day", "Hari Anzac"),
    h("2027-12-27", "Christmas Day (observed)", "Hari Natal (hari pengganti)"),
    h("2027-12-28", "Boxing Day (observed)", "Boxing Day (hari pengganti)"),
  ],
};

export const SHIPPED_CALENDARS: Readonly<Record<RegimeCalendar, ShippedCalendar>> = {
  ID: INDONESIA,
  "GB-EAW": ENGLAND_AND_WALES,
  AU: AUSTRALIA,
};
