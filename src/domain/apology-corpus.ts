import type { ApologyContext, ApologyLocale } from "./apology-check";

// A labelled corpus for the apology check: `good` is what a careful supervisor would let go out.
// Written for this product (complaints about goods, payments and service in Indonesia), with the
// hard cases on purpose: a policy quoted WITH its reason, a passive sentence that still owns the
// error, a conditional hidden in an otherwise good apology, and the thin one from issue 14.

export interface LabelledApology {
  text: string;
  locale: ApologyLocale;
  good: boolean;
  context?: ApologyContext;
}

const refund = (amount: number): ApologyContext => ({ kind: "REFUND", labels: ["Refund", "Pengembalian dana"], amount });
const exchange: ApologyContext = { kind: "EXCHANGE", labels: ["Exchange", "Penukaran"] };
const gift = (amount: number): ApologyContext => ({
  kind: "GOODWILL_GIFT",
  labels: ["Goodwill gift card", "Kartu hadiah sebagai itikad baik"],
  amount,
});
const manager: ApologyContext = { kind: "MANAGER_FOLLOW_UP", labels: ["Manager follow-up", "Tindak lanjut oleh manajer"] };
const credit = (amount: number): ApologyContext => ({ kind: "STORE_CREDIT", labels: ["Store credit", "Kredit belanja"], amount });

const en = (good: boolean, text: string, context?: ApologyContext): LabelledApology => ({ text, locale: "en", good, context });
const id = (good: boolean, text: string, context?: ApologyContext): LabelledApology => ({ text, locale: "id", good, context });

export const APOLOGY_CORPUS: readonly LabelledApology[] = [
  // --- English, good -----------------------------------------------------------------------------
  en(
    true,
    "Dear Hendra, we are truly sorry that your rice cooker leaked. We have refunded Rp 2,000,000 and asked our supplier to check the whole batch. Thank you for telling us. — Ayu",
    refund(2000000),
  ),
  en(
    true,
    "Dear Rina, we are truly sorry about the noisy fan. A new one is on its way to you today, and we have checked the rest of that delivery. — Ayu",
    exchange,
  ),
  en(
    true,
    "Dear Budi, I'm sorry — we sent you the wrong size, and that was our mistake. The right pair goes out today as an exchange, and we've added a size check before packing so it won't happen again.",
    exchange,
  ),
  en(
    true,
    "Dear Maya, I apologise for the double charge on your card. It happened because our terminal retried the payment, and that is on us. We have refunded the extra Rp 350,000 today. Please forgive the worry it caused.",
    refund(350000),
  ),
  en(
    true,
    "Dear Mr Santoso, I'm sorry our courier was rude to you. That is not how we want anyone treated, and we take full responsibility. My manager will call you tomorrow to settle it personally, and the courier team is being retrained.",
    manager,
  ),
  en(
    true,
    "Dear Dewi, we're sorry your order arrived late. We misread your address and the parcel went to the wrong city. As an apology we have added a Rp 75,000 gift card to your account, and we now confirm every address by phone before sending.",
    gift(75000),
  ),
  en(
    true,
    "Dear Agus, I'm sorry. Our store policy is to refund within 30 days because we can then check the item is unused, but your blender was faulty from the start, so that rule should never have been quoted to you. We have refunded Rp 450,000 in full.",
    refund(450000),
  ),
  en(
    true,
    "Dear Lina, please accept our apology. According to our policy we keep receipts for a year, so that we can trace any charge — and tracing yours showed we billed you twice. The Rp 120,000 refund is on its way and we have fixed the billing step.",
    refund(120000),
  ),
  en(
    true,
    "Dear Tono, there was an error on our side: our warehouse packed a used item as new. I'm sorry, it was our fault. A brand-new replacement is on its way, and we now inspect returns before they go back on the shelf.",
    exchange,
  ),
  en(
    true,
    "Dear Sari, you were right to complain and I am sorry we kept you waiting for three weeks. We failed to pass your case on when your first agent left. We have credited Rp 100,000 to your account, and every open case is now handed over in person.",
    credit(100000),
  ),
  en(
    true,
    "Dear Wati, I'm so sorry about the broken vase. It was damaged because we packed it without enough padding, which is our responsibility. We have sent a replacement, packed properly this time, and we hope you will give us another chance.",
    exchange,
  ),
  en(
    true,
    "Dear Rudi, we apologise. Our app showed a discount that had already ended, and we should have removed it. We will refund the difference of Rp 80,000 to your card within two days, and we have added a check so expired offers disappear at once.",
    refund(80000),
  ),
  en(
    true,
    "Dear Yanti, I am sorry for the confusion at the counter. Our staff gave you the wrong information about the warranty, and that is our failure. My manager will contact you this week to go through the repair, and we have updated the counter guide.",
    manager,
  ),
  en(
    true,
    "Dear Fajar, I'm sorry the headphones stopped working after a week. This model had a faulty batch and we missed it. We've refunded the full price, Rp 600,000, and pulled the rest of that batch from sale.",
    refund(600000),
  ),
  en(
    true,
    "Dear Indah, we got this wrong and I am sorry. The delivery was marked as received when it never reached you. We have sent a new parcel by express today at our cost, and we now ask couriers for a photo at every door.",
    exchange,
  ),
  en(
    true,
    "Dear Joko, I'm sorry for the trouble with your payment. The card reader at our Bandung store was faulty and declined good cards; we should have noticed sooner. We've added a Rp 75,000 gift card to your account as a thank-you for your patience, and the reader has been replaced.",
    gift(75000),
  ),
  en(
    true,
    "Dear Putri, I apologise for the long wait on the phone. We were short of staff that afternoon, but that is our problem to solve, not yours. A supervisor will call you back today to finish your request, and we have changed the rota so it doesn't happen again.",
    manager,
  ),
  en(
    true,
    "Dear Hadi, we're very sorry. We charged you twice for the same order because of a glitch in our checkout, and we take responsibility for it. The extra Rp 250,000 has been refunded, and the checkout now blocks a second payment.",
    refund(250000),
  ),
  en(
    true,
    "Dear Nur, I'm sorry that our reply took so long. It was our oversight: your email landed in the wrong queue. We have exchanged the jacket for the colour you ordered and it will reach you on Friday. We've fixed how emails are sorted.",
    exchange,
  ),
  en(
    true,
    "Dear Eko, I am sorry. Our technician left without finishing the installation, and that was wrong of us and our mistake. He will come back tomorrow morning to complete it at no cost, and I'll check with you afterwards.",
  ),
  // --- English, bad ------------------------------------------------------------------------------
  en(
    false,
    "We're sorry if you feel that our service did not meet your expectations. We have processed your refund of Rp 200,000.",
    refund(200000),
  ),
  en(
    false,
    "Dear customer, we apologise if this caused any inconvenience. According to our policy, refunds are only given within 7 days. Thank you.",
  ),
  en(
    false,
    "Dear Hendra, you should have read the instructions before using the rice cooker. We will nevertheless send a replacement as a gesture of goodwill.",
    exchange,
  ),
  en(false, "Mistakes were made in the handling of your order. We have sent you a voucher. Regards, Customer Service Team."),
  en(
    false,
    "We have reviewed your complaint. This matter is now closed and we will not respond to further emails about it. Please do not contact us again.",
  ),
  en(false, "Sorry. Voucher sent. Ticket closed.", gift(75000)),
  en(
    false,
    "Dear Rina, we are sorry you feel the fan is noisy. All fans make some noise. We have sent you a replacement anyway, and hope this settles it.",
    exchange,
  ),
  en(
    false,
    "Dear Budi, an error occurred during the shipping of your order and the wrong size was delivered. A new pair will be sent. We apologise for the inconvenience.",
    exchange,
  ),
  en(
    false,
    "Dear Maya, as per our policy we cannot reverse card charges after 14 days. We are sorry for the inconvenience and hope you understand.",
  ),
  en(
    false,
    "Dear Mr Santoso, it is your own responsibility to check the parcel on delivery. We regret the situation, but we cannot offer anything more than a voucher.",
  ),
  en(
    false,
    "Dear Dewi, there was an issue with the delivery system, so your parcel arrived late. We apologise for any inconvenience this may have caused.",
  ),
  en(
    false,
    "Dear Agus, we are sorry for the trouble. The item was damaged because you failed to follow the care instructions. We can repair it for a fee.",
  ),
  en(
    false,
    "Dear Lina, we are truly sorry that your order was late, and we take full responsibility. We have refunded the delivery fee of Rp 30,000. We apologise if anyone felt upset by our courier.",
    refund(30000),
  ),
  en(
    false,
    "Dear Sari, I am sorry for the wait. We have looked at your complaint carefully and believe the delay was reasonable given the holiday season. Thank you for your understanding.",
  ),
  en(
    false,
    "Dear Tono, we apologise for the damaged item. We made a mistake in packing it and we are sorry. We hope you understand and thank you for shopping with us again.",
    exchange,
  ),
  en(
    false,
    "Dear Wati, I'm sorry the vase broke in transit. We have refunded Rp 50,000 to your card, and we've changed how we pack fragile items.",
    refund(150000),
  ),
  en(
    false,
    "Dear Fajar, I'm sorry about the headphones. Our mistake: we sold you a faulty pair. If you had checked them in the store we could have swapped them on the spot. A refund of Rp 600,000 is on its way.",
    refund(600000),
  ),
  en(
    false,
    "Dear Nur, things went wrong with your order and it arrived late. Sorry about that. We have given you a store credit of Rp 40,000 for next time.",
    credit(40000),
  ),
  en(false, "Apologies for the inconvenience. Your case has been handled according to our policy and is now closed."),
  en(
    false,
    "Dear Eko, we regret that you were unhappy with the installation. Our technicians follow company policy, and we consider the matter resolved.",
  ),
  en(false, "Dear Putri, sorry for the wait on the phone. We've sent you a Rp 75,000 gift card. Hopefully that helps.", manager),
  en(
    false,
    "Dear Hadi, we are sorry that you think you were charged twice. Our records show a single payment; you should check your bank statement again before contacting us.",
  ),

  // --- Indonesian, good --------------------------------------------------------------------------
  id(
    true,
    "Halo Kak Siti, kami mohon maaf karena blender yang Kakak terima ternyata rusak. Ini kesalahan kami karena tidak memeriksa barang sebelum dikirim. Dana Rp 450.000 sudah kami kembalikan hari ini, dan ke depannya setiap barang kami cek dulu.",
    refund(450000),
  ),
  id(
    true,
    "Bapak Hendra yang kami hormati, kami minta maaf atas kebocoran rice cooker Bapak. Penyebabnya segel yang cacat dari pemasok, dan itu tanggung jawab kami. Pengembalian dana Rp 2.000.000 sudah kami proses, dan seluruh batch sedang kami periksa ulang.",
    refund(2000000),
  ),
  id(
    true,
    "Ibu Dewi, maafkan kami. Terjadi kesalahan di pihak kami: paket Ibu kami kirim ke alamat yang keliru. Sebagai gantinya, kartu hadiah Rp 75.000 sudah kami tambahkan ke akun Ibu, dan mulai sekarang setiap alamat kami konfirmasi lewat telepon.",
    gift(75000),
  ),
  id(
    true,
    "Halo Kak Rina, kami mohon maaf atas kipas yang berisik. Setelah kami cek, ada pelindung baling-baling yang bengkok dari pengiriman ini. Unit pengganti yang baru sudah kami kirim hari ini, dan sisa barang dari pengiriman itu juga kami periksa agar tidak terulang.",
    exchange,
  ),
  id(
    true,
    "Halo Kak Budi, mohon maaf, kami salah mengirim ukuran sepatu. Itu sepenuhnya kesalahan kami. Penukaran ke ukuran yang benar sudah kami proses dan akan tiba besok, dan kami sudah menambah pengecekan ukuran sebelum barang dikemas.",
    exchange,
  ),
  id(
    true,
    "Bapak Santoso, saya minta maaf atas sikap kurir kami yang tidak sopan. Kami bertanggung jawab penuh atas hal itu. Manajer kami akan menghubungi Bapak besok untuk menyelesaikannya secara langsung, dan tim kurir sedang kami latih ulang.",
    manager,
  ),
  id(
    true,
    "Ibu Maya, kami mohon maaf atas tagihan ganda di kartu Ibu. Hal ini terjadi karena mesin EDC kami mengulang transaksi, dan itu kesalahan kami. Kelebihan Rp 350.000 sudah kami kembalikan, dan mohon dimaafkan atas kecemasan yang Ibu alami.",
    refund(350000),
  ),
  id(
    true,
    "Halo Kak Agus, kami mohon maaf. Sesuai ketentuan yang berlaku, pengembalian barang dibatasi 30 hari karena kami perlu memastikan barang belum dipakai. Namun blender Kakak rusak sejak awal, jadi itu kesalahan kami dan dana Rp 450.000 sudah kami kembalikan penuh.",
    refund(450000),
  ),
  id(
    true,
    "Halo Kak Lina, mohon maaf atas keterlambatan paketnya. Kami lupa meneruskan pesanan Kakak ke gudang, dan itu kelalaian kami. Ongkos kirim Rp 30.000 sudah kami kembalikan, dan proses penerusan pesanan sudah kami perbaiki supaya tidak terulang.",
    refund(30000),
  ),
  id(
    true,
    "Kak Sari, saya minta maaf karena Kakak harus menunggu tiga minggu. Kami gagal meneruskan kasus Kakak saat petugas pertama keluar. Saldo Rp 100.000 sudah kami tambahkan ke akun Kakak sebagai kredit belanja, dan setiap kasus kini diserahterimakan langsung.",
    credit(100000),
  ),
  id(
    true,
    "Ibu Wati, kami sungguh menyesal vas Ibu pecah. Vas itu rusak karena kami mengemasnya tanpa pelindung yang cukup, dan itu tanggung jawab kami. Vas pengganti sudah kami kirim dengan kemasan yang benar, dan kami berharap Ibu berkenan memberi kami kesempatan lagi.",
    exchange,
  ),
  id(
    true,
    "Halo Kak Rudi, kami minta maaf. Aplikasi kami masih menampilkan diskon yang sudah berakhir, dan seharusnya kami sudah menghapusnya. Selisih Rp 80.000 akan kami kembalikan ke kartu Kakak dalam dua hari, dan sistem kami sudah kami perbaiki.",
    refund(80000),
  ),
  id(
    true,
    "Ibu Yanti, mohon maaf atas kebingungan di kasir. Petugas kami memberi informasi garansi yang keliru, dan itu kesalahan kami. Manajer toko akan menghubungi Ibu minggu ini untuk mengurus perbaikannya, dan panduan kasir sudah kami perbarui.",
    manager,
  ),
  id(
    true,
    "Halo Kak Fajar, kami mohon maaf headphone-nya rusak setelah seminggu. Ternyata ada batch yang cacat dan kami tidak mendeteksinya. Dana Rp 600.000 sudah kami kembalikan penuh, dan sisa batch itu sudah kami tarik dari penjualan.",
    refund(600000),
  ),
  id(
    true,
    "Kak Indah, kami yang salah dan kami mohon maaf. Paket Kakak ditandai sudah diterima padahal tidak pernah sampai. Paket baru sudah kami kirim hari ini lewat ekspres atas biaya kami, dan ke depan kurir wajib memotret setiap pengantaran.",
    exchange,
  ),
  id(
    true,
    "Bapak Joko, kami mohon maaf atas kendala pembayaran Bapak. Mesin kartu di toko Bandung kami rusak dan menolak kartu yang sah; seharusnya kami menyadarinya lebih cepat. Kartu hadiah Rp 75.000 sudah kami kirimkan, dan mesinnya sudah diganti.",
    gift(75000),
  ),
  id(
    true,
    "Halo Kak Putri, mohon maaf atas lamanya antrean telepon. Sore itu kami kekurangan petugas, tetapi itu tanggung jawab kami, bukan Kakak. Supervisor kami akan menelepon Kakak hari ini untuk menuntaskan permintaannya, dan jadwal petugas sudah kami ubah agar tidak terulang.",
    manager,
  ),
  id(
    true,
    "Bapak Hadi, kami mohon maaf karena tagihan Bapak terpotong dua kali akibat gangguan di sistem pembayaran kami. Kami mengakui kekeliruan ini. Kelebihan Rp 250.000 sudah kami kembalikan, dan sistem kini menolak pembayaran kedua.",
    refund(250000),
  ),
  id(
    true,
    "Ibu Nur, maafkan kami atas jaket dengan warna yang salah. Kami salah mengambil barang di gudang. Jaket akan kami tukar dengan warna pesanan Ibu dan tiba hari Jumat. Pengecekan warna sebelum pengiriman sudah kami tambahkan.",
    exchange,
  ),
  id(
    true,
    "Bapak Eko, saya minta maaf. Teknisi kami pergi sebelum pemasangan selesai, dan itu kesalahan kami. Besok pagi ia akan datang lagi untuk menyelesaikannya tanpa biaya, dan saya akan menghubungi Bapak setelahnya untuk memastikan semuanya beres.",
  ),
  id(
    true,
    "Halo Kak Siti, kami mohon maaf sebesar-besarnya. Pesanan Kakak tertukar dengan pesanan lain karena label yang kami cetak keliru; kesalahan ini dari pihak kami. Barang yang benar sudah kami kirim sebagai penukaran, dan label kini dicek dua kali.",
    exchange,
  ),
  // --- Indonesian, bad ---------------------------------------------------------------------------
  id(false, "Maaf. Sudah kami kirim voucher. Tiket ditutup.", gift(75000)),
  id(
    false,
    "Kami mohon maaf jika Bapak merasa kurang puas dengan pelayanan kami. Dana Rp 200.000 sudah kami kembalikan ke rekening Bapak.",
    refund(200000),
  ),
  id(
    false,
    "Bapak Hendra, seharusnya Anda membaca petunjuk pemakaian sebelum menggunakan rice cooker tersebut. Meski demikian kami akan mengirim unit pengganti.",
    exchange,
  ),
  id(false, "Mohon maaf, Bu. Kerusakan terjadi karena kesalahan Ibu sendiri saat memakai barang. Kami tidak dapat memberikan penggantian."),
  id(
    false,
    "Terima kasih atas laporannya. Sesuai ketentuan yang berlaku, pengembalian dana tidak dapat kami proses. Mohon maaf atas ketidaknyamanannya.",
  ),
  id(
    false,
    "Kak Rina, terjadi kesalahan dalam proses pengiriman sehingga kipas yang diterima rusak. Unit pengganti sedang diproses. Mohon maaf atas ketidaknyamanannya.",
    exchange,
  ),
  id(false, "Keluhan Bapak sudah kami tinjau. Tiket ini kami anggap ditutup. Jangan hubungi kami lagi mengenai hal ini."),
  id(false, "Mohon maaf, Kak. Voucher sudah dikirim.", gift(75000)),
  id(
    false,
    "Halo Kak Budi, kami mohon maaf atas ketidaknyamanan yang mungkin ditimbulkan. Ukuran sepatu yang diterima memang berbeda dari pesanan. Terima kasih atas pengertiannya.",
    exchange,
  ),
  id(
    false,
    "Ibu Maya, berdasarkan kebijakan perusahaan, transaksi kartu tidak dapat dibatalkan setelah 14 hari. Kami mohon maaf atas ketidaknyamanan ini dan berharap Ibu memaklumi.",
  ),
  id(
    false,
    "Bapak Santoso, kami menyesal atas kejadian tersebut. Namun pemeriksaan paket saat diterima adalah kewajiban pelanggan, jadi ini kesalahan pelanggan. Kami hanya dapat memberikan voucher.",
  ),
  id(
    false,
    "Halo Kak Dewi, ada sedikit kesalahan pada sistem pengiriman sehingga paket terlambat. Mohon maaf atas ketidaknyamanannya dan terima kasih atas kesabarannya.",
  ),
  id(
    false,
    "Halo Kak Agus, kami mohon maaf atas kendalanya. Barang rusak karena Kakak tidak mengikuti petunjuk perawatan. Kami bisa memperbaikinya dengan biaya tambahan.",
  ),
  id(
    false,
    "Kak Lina, kami mohon maaf atas keterlambatan pesanan dan kami bertanggung jawab penuh. Ongkos kirim Rp 30.000 sudah kami kembalikan. Mohon maaf juga kalau Kakak merasa kurir kami kurang ramah.",
    refund(30000),
  ),
  id(
    false,
    "Kak Sari, mohon maaf atas penantiannya. Kami sudah meninjau keluhan Kakak dan menilai keterlambatan ini wajar mengingat musim liburan. Terima kasih atas pengertiannya.",
  ),
  id(
    false,
    "Ibu Wati, kami mohon maaf vas Ibu pecah dalam pengiriman. Dana Rp 50.000 sudah kami kembalikan ke kartu Ibu, dan cara kami mengemas barang pecah belah sudah kami perbaiki.",
    refund(150000),
  ),
  id(
    false,
    "Kak Fajar, kami mohon maaf. Seharusnya Kakak mengecek headphone di toko sebelum membawanya pulang. Pengembalian dana Rp 600.000 tetap kami proses.",
    refund(600000),
  ),
  id(
    false,
    "Bapak Eko, kami menyesal Bapak kurang puas dengan pemasangan. Teknisi kami bekerja sesuai prosedur perusahaan, dan masalah ini kami anggap sudah selesai.",
  ),
  id(false, "Halo Kak Putri, maaf ya atas antreannya. Kartu hadiah Rp 75.000 sudah kami kirim ke akun Kakak. Semoga membantu.", manager),
  id(
    false,
    "Bapak Hadi, kami mohon maaf apabila Bapak merasa ditagih dua kali. Catatan kami hanya menunjukkan satu pembayaran; silakan periksa kembali mutasi rekening Bapak.",
  ),
  id(false, "Maaf atas ketidaknyamanannya, Kak. Kasus ini sudah ditutup sesuai ketentuan yang berlaku."),
];
