import { describe, expect, it } from "vitest";
import { amountsIn, checkApology, replyAdvice, type ApologyContext, type ApologyFindingCode } from "./apology-check";
import { APOLOGY_CORPUS } from "./apology-corpus";

const blocking = (text: string, locale: "en" | "id", context?: ApologyContext) =>
  checkApology(text, locale, context)
    .findings.filter((f) => f.severity === "block")
    .map((f) => f.code);
const advice = (text: string, locale: "en" | "id", context?: ApologyContext) =>
  checkApology(text, locale, context)
    .findings.filter((f) => f.severity === "advice")
    .map((f) => f.code);

describe("the apology check on the labelled corpus", () => {
  it("catches at least 90 % of bad apologies and blocks at most 10 % of good ones, in each language", () => {
    expect(APOLOGY_CORPUS.length).toBeGreaterThanOrEqual(80);
    const misjudged: string[] = [];
    for (const locale of ["en", "id"] as const) {
      const items = APOLOGY_CORPUS.filter((a) => a.locale === locale);
      const judged = items.map((a) => ({ ...a, blocked: !checkApology(a.text, a.locale, a.context).ok }));
      const bad = judged.filter((a) => !a.good);
      const good = judged.filter((a) => a.good);
      const caught = bad.filter((a) => a.blocked).length;
      const wronglyBlocked = good.filter((a) => a.blocked).length;
      // Precision: of the blocked, how many were bad; recall: of the bad, how many were blocked.
      const precision = caught / (caught + wronglyBlocked);
      const recall = caught / bad.length;
      console.log(
        `apology check [${locale}]: ${items.length} apologies (${good.length} good, ${bad.length} bad); ` +
          `precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %, ` +
          `good blocked ${((wronglyBlocked / good.length) * 100).toFixed(1)} %`,
      );
      misjudged.push(...judged.filter((a) => a.good === a.blocked).map((a) => `${a.good ? "good blocked" : "bad passed"}: ${a.text}`));
      expect(recall).toBeGreaterThanOrEqual(0.9);
      expect(wronglyBlocked / good.length).toBeLessThanOrEqual(0.1);
    }
    if (misjudged.length) console.log(misjudged.join("\n"));
  });
});

describe("each finding, in both languages", () => {
  const goodEn =
    "Dear Budi, I'm sorry — we sent you the wrong size, and that was our mistake. The right pair goes out today as an exchange, and we've added a size check so it won't happen again.";
  const goodId =
    "Halo Kak Budi, mohon maaf, kami salah mengirim ukuran sepatu. Itu sepenuhnya kesalahan kami. Penukaran ke ukuran yang benar sudah kami proses dan akan tiba besok.";
  const exchange: ApologyContext = { kind: "EXCHANGE", labels: ["Exchange", "Penukaran"] };

  it("passes a real apology that names the chosen resolution", () => {
    expect(checkApology(goodEn, "en", exchange).ok).toBe(true);
    expect(checkApology(goodId, "id", exchange).ok).toBe(true);
  });

  const cases: [ApologyFindingCode, "en" | "id", string, string][] = [
    [
      "conditional",
      "en",
      "sorry if",
      "We are sorry if you feel let down. We sent the wrong size, our mistake, and a replacement is on its way today.",
    ],
    [
      "conditional",
      "id",
      "maaf jika",
      "Kami mohon maaf jika Bapak merasa kecewa. Kami salah mengirim ukuran dan barang pengganti sudah kami kirim hari ini.",
    ],
    [
      "blame",
      "en",
      "you should have",
      "We are sorry, but you should have checked the size chart. A replacement is on its way to you today, at no cost.",
    ],
    [
      "blame",
      "id",
      "seharusnya anda",
      "Mohon maaf, seharusnya Anda memeriksa tabel ukuran terlebih dulu. Barang pengganti sudah kami kirim hari ini tanpa biaya.",
    ],
    [
      "blame",
      "id",
      "kesalahan bapak",
      "Mohon maaf, Pak. Kerusakan ini terjadi karena kesalahan Bapak sendiri, tetapi barang pengganti sudah kami kirim hari ini.",
    ],
    [
      "policyWithoutReason",
      "en",
      "according to our policy",
      "We are sorry. According to our policy, exchanges take ten days. We made a mistake and a replacement is on its way.",
    ],
    [
      "policyWithoutReason",
      "id",
      "sesuai ketentuan",
      "Mohon maaf, Kak. Sesuai ketentuan yang berlaku, penukaran memakan sepuluh hari. Kami salah kirim dan pengganti sudah kami kirim.",
    ],
    [
      "passiveEvasion",
      "en",
      "mistakes were made",
      "We apologise. Mistakes were made with your order, and a replacement pair will be sent to you this week with tracking.",
    ],
    [
      "passiveEvasion",
      "id",
      "terjadi kesalahan",
      "Mohon maaf, Kak. Terjadi kesalahan pada pesanan Kakak, dan barang pengganti sudah dikirim hari ini beserta nomor resinya.",
    ],
    [
      "dismissal",
      "en",
      "do not contact us",
      "We are sorry, it was our mistake, and a replacement is on its way. Please do not contact us again about this order.",
    ],
    [
      "dismissal",
      "id",
      "jangan hubungi kami lagi",
      "Mohon maaf, itu kesalahan kami dan barang pengganti sudah kami kirim. Jangan hubungi kami lagi soal pesanan ini ya, Kak.",
    ],
    ["tooThin", "en", "", "Sorry, our mistake. Replacement sent."],
    ["tooThin", "id", "", "Maaf. Sudah kami kirim voucher. Tiket ditutup."],
    [
      "noResponsibilityOrRepair",
      "en",
      "",
      "We are sorry to hear about your experience with the shoes you ordered from our shop last week. Thank you for writing.",
    ],
    [
      "noResponsibilityOrRepair",
      "id",
      "",
      "Kami mohon maaf atas pengalaman Kakak dengan sepatu yang Kakak pesan dari toko kami minggu lalu. Terima kasih sudah menulis.",
    ],
  ];
  it.each(cases)("blocks %s (%s)", (code, locale, match, text) => {
    const found = checkApology(text, locale).findings.find((f) => f.code === code);
    expect(found).toMatchObject({ severity: "block" });
    if (match) expect(found?.match).toContain(match);
  });

  it("lets a policy quoted with its reason pass, in both languages", () => {
    expect(
      blocking(
        "Dear Agus, I'm sorry. Our store policy is to refund within 30 days because we then check the item is unused; your blender was faulty, our mistake, so we have refunded it in full.",
        "en",
      ),
    ).toEqual([]);
    expect(
      blocking(
        "Kak Agus, kami mohon maaf. Sesuai ketentuan yang berlaku, pengembalian dibatasi 30 hari karena kami perlu memastikan barang belum dipakai; blender Kakak rusak, itu kesalahan kami, dan dananya sudah kami kembalikan.",
        "id",
      ),
    ).toEqual([]);
  });

  it("takes a passive sentence that owns the error as responsibility", () => {
    const text =
      "Ibu Dewi, maafkan kami. Terjadi kesalahan di pihak kami: paket Ibu terkirim ke alamat yang keliru, dan paket baru sudah kami kirim hari ini.";
    expect(blocking(text, "id")).toEqual([]);
    expect(
      blocking(
        "Dear Dewi, we are sorry. There was an error on our side and your parcel went to the wrong city; a new one is on its way.",
        "en",
      ),
    ).toEqual([]);
  });

  it("does not take 'you should have been served' or 'not your fault' as blame", () => {
    expect(
      blocking(
        "Dear Ana, I'm sorry. You should have been served kindly and we fell short. My manager will call you today to put it right.",
        "en",
      ),
    ).toEqual([]);
    expect(
      blocking("Dear Ana, I'm sorry. This was not your fault but ours, and a replacement is on its way to you today by courier.", "en"),
    ).toEqual([]);
    expect(
      blocking(
        "Halo Kak Ana, mohon maaf. Seharusnya Kakak tidak perlu repot; ini kesalahan kami dan barang pengganti sudah kami kirim.",
        "id",
      ),
    ).toEqual([]);
  });

  it("advises, without blocking, on the elements that weigh less", () => {
    expect(advice(goodEn, "en")).toEqual(expect.arrayContaining(["noForgiveness"]));
    expect(advice(goodEn, "en")).not.toContain("noRegret");
    const noRegret =
      "Dear Budi, we sent you the wrong size, and that was our mistake. The right pair goes out today as an exchange, with our apologies";
    expect(advice(noRegret.replace(", with our apologies", "."), "en")).toContain("noRegret");
    expect(
      advice(
        "Mohon maaf, Kak. Kami salah mengirim ukuran sepatu dan itu sepenuhnya kesalahan kami; terima kasih sudah memberi tahu.",
        "id",
      ),
    ).toContain("noRepair");
  });

  it("blocks an apology that does not name the resolution chosen, and one with another amount", () => {
    const refund: ApologyContext = { kind: "REFUND", labels: ["Refund", "Pengembalian dana"], amount: 450000 };
    expect(blocking(goodEn, "en", refund)).toContain("resolutionNotNamed");
    expect(blocking(goodId, "id", refund)).toContain("resolutionNotNamed");
    const id =
      "Kak Siti, kami mohon maaf, blender itu rusak karena kesalahan kami. Dana Rp 45.000 sudah kami kembalikan hari ini ke rekening Kakak.";
    expect(blocking(id, "id", refund)).toEqual(["amountMismatch"]);
    expect(blocking(id.replace("45.000", "450.000"), "id", refund)).toEqual([]);
    expect(blocking(id.replace("Rp 45.000", "sebesar 450 ribu"), "id", refund)).toEqual([]);
    expect(advice(id.replace("Dana Rp 45.000", "Dananya"), "id", refund)).toContain("amountNotNamed");
    const manager: ApologyContext = { kind: "MANAGER_FOLLOW_UP", labels: ["Manager follow-up", "Tindak lanjut oleh manajer"] };
    expect(blocking(goodEn, "en", manager)).toContain("resolutionNotNamed");
    expect(checkApology(goodEn, "en", { kind: "APOLOGY_ONLY", labels: ["Apology"] }).ok).toBe(true);
  });

  it("reads amounts with either thousands separator, cents and Indonesian multipliers", () => {
    expect(amountsIn("rp 2,000,000 or rp 450.000,00 or 1.5 juta or 75rb or $12.50")).toEqual([2000000, 450000, 1500000, 75000, 12.5]);
  });
});

describe("advice on a public reply", () => {
  it("points out blame, a bare policy or a dismissal as advice, and says nothing of an ordinary question", () => {
    expect(replyAdvice("Could you send us a photo of the receipt?", "en")).toEqual([]);
    expect(replyAdvice("Boleh kirimkan foto struknya, Kak?", "id")).toEqual([]);
    expect(replyAdvice("According to our policy you should have kept the receipt.", "en")).toEqual([
      { code: "blame", severity: "advice", match: "you should have" },
      { code: "policyWithoutReason", severity: "advice", match: "according to our policy" },
    ]);
    expect(replyAdvice("Jangan hubungi kami lagi soal ini.", "id")).toEqual([
      { code: "dismissal", severity: "advice", match: "jangan hubungi kami lagi" },
    ]);
  });
});
