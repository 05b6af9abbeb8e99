// The words generated complaints are made of, in English and Bahasa Indonesia, so that full-text
// search meets a vocabulary like a real helpdesk's: common words in most tickets, product names in
// some, order numbers in one.

export const TEXT = {
  firstNames: ["Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Putri", "Joko", "Wati", "Hendra", "Maya", "Fajar", "Lina", "Rudi", "Sari", "James", "Emma", "Olivia", "Daniel", "Sophie", "Yusuf", "Indah", "Bayu", "Citra"],
  lastNames: ["Santoso", "Wijaya", "Hidayat", "Pratama", "Saputra", "Lestari", "Kusuma", "Nugroho", "Halim", "Tan", "Smith", "Brown", "Taylor", "Walker", "Setiawan", "Gunawan", "Wibowo"],
  cities: ["Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Yogyakarta", "Denpasar", "Palembang", "Malang"],
  products: {
    en: ["blender", "rice cooker", "phone case", "pair of running shoes", "laptop bag", "electric kettle", "headphones", "smart watch", "desk lamp", "coffee maker", "vacuum cleaner", "air fryer"],
    id: ["blender", "penanak nasi", "casing ponsel", "sepatu lari", "tas laptop", "ketel listrik", "headphone", "jam tangan pintar", "lampu meja", "mesin kopi", "penyedot debu", "penggoreng udara"],
  },
  problems: {
    en: {
      PRODUCT_RETURN: ["arrived broken and I want to return it", "stopped working after two days", "is not what the website showed", "came without its charger and the box was open"],
      SERVICE_PROBLEM: ["was the reason I asked the store staff for help, and they were rude to me", "was promised a call back that never came", "was left outside in the rain by the courier", "was the subject of three calls where everyone told me something different"],
      PAYMENT_PROBLEM: ["was charged twice to my card", "could not be paid because the terminal declined my card", "was billed at a higher price than the shelf label", "was refunded to the wrong account"],
      OTHER: ["was delivered two weeks late", "came with someone else's invoice inside", "was sold to me with a warranty the store now refuses", "was advertised with a discount that was not applied"],
    },
    id: {
      PRODUCT_RETURN: ["datang dalam keadaan rusak dan saya ingin mengembalikannya", "berhenti berfungsi setelah dua hari", "tidak sesuai dengan yang ditampilkan di situs", "datang tanpa pengisi daya dan kotaknya sudah terbuka"],
      SERVICE_PROBLEM: ["membuat saya bertanya kepada staf toko, tetapi mereka bersikap kasar", "dijanjikan akan ditelepon kembali tetapi tidak pernah", "ditinggal kurir di luar saat hujan", "membuat saya ditelepon tiga kali dengan penjelasan yang berbeda-beda"],
      PAYMENT_PROBLEM: ["ditagih dua kali ke kartu saya", "tidak bisa dibayar karena mesin EDC menolak kartu saya", "ditagih lebih mahal dari label harga di rak", "dananya dikembalikan ke rekening yang salah"],
      OTHER: ["terlambat dikirim dua minggu", "datang dengan faktur milik orang lain", "dijual dengan garansi yang sekarang ditolak toko", "diiklankan dengan diskon yang tidak diberikan"],
    },
  },
  closings: {
    en: ["I have been a customer for years and expected better.", "Please tell me what you can do.", "I attached the receipt.", "This is the second time this has happened."],
    id: ["Saya sudah bertahun-tahun menjadi pelanggan dan berharap lebih baik.", "Mohon beri tahu apa yang bisa dilakukan.", "Struk pembelian saya lampirkan.", "Ini sudah kedua kalinya terjadi."],
  },
  outcomes: {
    en: ["Refund my money", "Exchange it for a new one", "An apology from the store", "Correct the charge on my card", "Explain what happened"],
    id: ["Kembalikan uang saya", "Tukar dengan yang baru", "Permintaan maaf dari toko", "Perbaiki tagihan di kartu saya", "Jelaskan apa yang terjadi"],
  },
  findings: [
    "Warehouse packed the item without inspection.",
    "Courier confirmed the parcel was damaged in transit.",
    "The terminal at the branch has a known fault with chip cards.",
    "Price label on the shelf was out of date.",
    "Customer expected a feature the product does not have.",
  ],
  preventive: [
    "Inspect returned stock before it is resold",
    "Replace the card terminal at the branch",
    "Weekly check of shelf labels against the price list",
    "Courier contract now requires photos at delivery",
    "Product page rewritten to list what is in the box",
  ],
  // 1: acknowledgement, 2: the customer's answer, 3: the apology, 4: an internal note.
  messages: {
    en: [
      "Thank you for telling us. We are sorry for the trouble and are looking into it now; you will hear from us within one business day.",
      "Thanks for getting back to me. I have the receipt and photos of the damage if you need them.",
      "We are sorry. We checked what happened, we have put it right as agreed, and we changed how we work so it does not happen again.",
      "Called the branch manager; the staff member on duty confirmed the customer's account.",
    ],
    id: [
      "Terima kasih telah memberi tahu kami. Kami mohon maaf atas ketidaknyamanannya dan sedang menindaklanjutinya; kami akan menghubungi Anda dalam satu hari kerja.",
      "Terima kasih atas balasannya. Saya punya struk dan foto kerusakannya jika diperlukan.",
      "Kami mohon maaf. Kami sudah memeriksa kejadiannya, sudah memperbaikinya sesuai kesepakatan, dan mengubah cara kerja kami agar tidak terulang.",
      "Sudah menelepon manajer cabang; staf yang bertugas membenarkan keterangan pelanggan.",
    ],
  },
} as const;
