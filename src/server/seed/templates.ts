import { CATEGORY_CODES, type CategoryCode } from "@/domain/categories";
import type { TemplateKind } from "@/domain/templates";
import type { Prisma } from "@/generated/prisma/client";

// The starting set of answers per kind of complaint (the design brief's framework), in both
// languages. Admins rewrite them later; the seed only fills what is missing.
//
// {finding} in the fallback resolution is what the agent recorded in UNDERSTAND, so it is not retyped;
// a resolution sent before a finding is recorded keeps the slot for the agent to fill.
//
// {explanation} in the clarifications is deliberately not a value the app fills: a clarification
// is a personal explanation of this case, so the agent must write it, and the message cannot be
// sent while the slot is still there (unfilledPlaceholders lists it).

interface Text {
  subject: string;
  body: string;
}

export interface TemplateSeed {
  kind: TemplateKind;
  /** Null: the fallback for every category. */
  category: CategoryCode | null;
  en: Text;
  id: Text;
}

const paragraphs = (...texts: string[]) => texts.join("\n\n");
const SIGN_EN = "Kind regards,\n{agentName}";
const SIGN_ID = "Salam hangat,\n{agentName}";
const REF_EN = "Reference: {reference}";
const REF_ID = "Nomor laporan: {reference}";

export const TEMPLATE_SEEDS: readonly TemplateSeed[] = [
  // Fallbacks, for any category.
  {
    kind: "ACKNOWLEDGEMENT",
    category: null,
    en: {
      subject: "We've received your complaint — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for taking the time to tell us what happened. Your complaint is registered as {reference}, and I'll be looking after it from start to finish.",
        "I'll read everything you've written carefully and come back to you by {replyBy}. If you think of anything else, just reply to this message.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Keluhan Kakak sudah kami terima — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah meluangkan waktu untuk menceritakan apa yang terjadi. Keluhan Kakak tercatat dengan nomor {reference}, dan saya yang akan mendampingi Kakak sampai tuntas.",
        "Cerita Kakak akan saya baca dengan saksama, dan kami akan memberi kabar paling lambat {replyBy}. Kalau ada yang ingin ditambahkan, cukup balas pesan ini, ya.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "CLARIFICATION",
    category: null,
    en: {
      subject: "What happened with {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for your patience while we looked into {reference}. I'd like to explain what we found:",
        "{explanation}",
        "I hope this makes things clearer. If anything still doesn't add up, reply to this message and I'll gladly go through it with you.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Penjelasan tentang {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah sabar menunggu selama kami menelusuri laporan {reference}. Izinkan saya menjelaskan apa yang kami temukan:",
        "{explanation}",
        "Semoga penjelasan ini membantu, Kak. Kalau masih ada yang terasa janggal, balas saja pesan ini — dengan senang hati saya jelaskan lagi.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "APOLOGY",
    category: null,
    en: {
      subject: "We're sorry — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "I'm sorry for what happened, and for the trouble it has caused you. Thank you for your patience while we looked into it.",
        "To put it right: {resolution} ({amount}). We've also gone through what went wrong with the team, so that it doesn't happen again.",
        "If anything is still not right, just reply to this message.",
        SIGN_EN,
        REF_EN,
      ),
    },
    id: {
      subject: "Permohonan maaf kami — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Kami mohon maaf atas kejadian ini dan atas kerepotan yang Kakak alami karenanya. Terima kasih sudah sabar menunggu selama kami menelusurinya.",
        "Sebagai bentuk tanggung jawab kami: {resolution} ({amount}). Kami juga sudah membahas kesalahan ini bersama tim agar tidak terulang lagi.",
        "Kalau masih ada yang belum beres, balas saja pesan ini ya, Kak.",
        SIGN_ID,
        REF_ID,
      ),
    },
  },
  {
    kind: "RESOLUTION",
    category: null,
    en: {
      subject: "How we're resolving {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "We've finished looking into {reference}. What we found:",
        "{finding}",
        "Here is what we're doing: {resolution} ({amount}).",
        "If this isn't what you hoped for, or something doesn't go as described, reply to this message and we'll look at it again together.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Penyelesaian untuk {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Kami sudah selesai menelusuri laporan {reference}. Yang kami temukan:",
        "{finding}",
        "Berikut penyelesaian dari kami: {resolution} ({amount}).",
        "Kalau ini belum sesuai harapan Kakak, atau ada yang tidak berjalan seperti yang kami sampaikan, balas saja pesan ini dan kita bahas lagi bersama.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "SURVEY",
    category: null,
    en: {
      subject: "How did we do? — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Your complaint {reference} is now closed. Would you tell us how we handled it? It takes a minute: a rating from 1 to 5, and whether you would trust us again.",
        "You can answer on the same page where you followed your complaint. The team reads every answer, and it helps us keep the same problem from happening again.",
        "Thank you,\n{agentName}",
      ),
    },
    id: {
      subject: "Bagaimana pelayanan kami? — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Keluhan Kakak dengan nomor {reference} sudah kami selesaikan. Boleh minta waktunya sebentar untuk menilai cara kami menanganinya? Cukup beri nilai 1 sampai 5, dan apakah Kakak akan tetap mempercayai kami.",
        "Penilaian bisa diisi di halaman yang sama tempat Kakak memantau keluhan ini. Setiap jawaban dibaca oleh tim kami dan membantu kami agar masalah yang sama tidak terulang.",
        "Terima kasih banyak,\n{agentName}",
      ),
    },
  },

  // Product returns: simple and alike whatever the reason, in the spirit of a money-back guarantee.
  {
    kind: "ACKNOWLEDGEMENT",
    category: "PRODUCT_RETURN",
    en: {
      subject: "Your return request — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for letting us know. Your return is registered as {reference}.",
        "Whatever the reason, returning something to us should be simple: you won't need to argue your case. I'll come back to you by {replyBy} to agree on a refund, full credit to try another product, or an exchange — whichever suits you best.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Permintaan pengembalian Kakak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah mengabari kami. Pengembalian Kakak tercatat dengan nomor {reference}.",
        "Apa pun alasannya, mengembalikan barang ke kami seharusnya mudah — Kakak tidak perlu repot meyakinkan kami. Paling lambat {replyBy} saya akan menghubungi Kakak lagi untuk menyepakati penyelesaiannya: pengembalian dana, kredit penuh untuk mencoba produk lain, atau penukaran, mana yang paling cocok untuk Kakak.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "CLARIFICATION",
    category: "PRODUCT_RETURN",
    en: {
      subject: "About your return — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for waiting while we checked your return {reference}. Here is what we found:",
        "{explanation}",
        "I hope that helps. And if the product still isn't right for you after this, you can still send it back — that offer stands.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Tentang pengembalian Kakak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah menunggu selama kami memeriksa pengembalian {reference}. Ini yang kami temukan:",
        "{explanation}",
        "Semoga penjelasan ini membantu. Kalau setelah ini produknya tetap kurang cocok untuk Kakak, Kakak tetap bisa mengembalikannya — tawaran itu tetap berlaku.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "APOLOGY",
    category: "PRODUCT_RETURN",
    en: {
      subject: "We're sorry — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "I'm sorry the product didn't live up to what you expected. You shouldn't have had to go to the trouble of returning it, and thank you for telling us rather than just putting up with it.",
        "To make it right: {resolution} ({amount}). No forms, and no questions about the reason. If you'd rather try a different product instead, reply and I'll arrange it.",
        SIGN_EN,
        REF_EN,
      ),
    },
    id: {
      subject: "Mohon maaf, Kak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Mohon maaf, produk yang Kakak terima ternyata tidak sesuai harapan. Seharusnya Kakak tidak perlu repot mengembalikannya, dan terima kasih sudah memberi tahu kami alih-alih memendamnya sendiri.",
        "Sebagai gantinya: {resolution} ({amount}). Tanpa formulir, dan tanpa perlu menjelaskan alasannya. Kalau Kakak lebih suka mencoba produk lain, balas saja pesan ini dan akan saya urus.",
        SIGN_ID,
        REF_ID,
      ),
    },
  },

  // Service problems ("he said, she said"): a manager steps in to settle it.
  {
    kind: "ACKNOWLEDGEMENT",
    category: "SERVICE_PROBLEM",
    en: {
      subject: "We've heard you — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "I'm sorry the service you received fell short, and thank you for telling us. Your complaint is registered as {reference}.",
        "Because this is about how we served you, I'm looking into it together with my manager, so you get a fair view from someone who wasn't involved. We'll come back to you by {replyBy}.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Keluhan Kakak sedang kami tangani — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Mohon maaf pelayanan yang Kakak terima tidak seperti yang seharusnya, dan terima kasih sudah menyampaikannya. Keluhan Kakak tercatat dengan nomor {reference}.",
        "Karena ini menyangkut cara kami melayani Kakak, saya menanganinya bersama manajer saya, supaya Kakak mendapat pandangan yang adil dari pihak yang tidak terlibat langsung. Kami akan memberi kabar paling lambat {replyBy}.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "CLARIFICATION",
    category: "SERVICE_PROBLEM",
    en: {
      subject: "About your experience with us — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for your patience. My manager and I have gone through what happened in {reference}, both what you told us and what our team recalls. Here is what we found:",
        "{explanation}",
        "I'm sorry this didn't come across clearly at the time. If you'd like to talk it over with my manager directly, just say so and we'll arrange a call.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Tentang pengalaman Kakak bersama kami — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih atas kesabarannya. Saya dan manajer saya sudah meninjau kejadian pada laporan {reference}, baik dari cerita Kakak maupun dari keterangan tim kami. Ini yang kami temukan:",
        "{explanation}",
        "Mohon maaf hal ini tidak tersampaikan dengan jelas waktu itu. Kalau Kakak ingin membicarakannya langsung dengan manajer kami, sampaikan saja — akan kami jadwalkan teleponnya.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "APOLOGY",
    category: "SERVICE_PROBLEM",
    en: {
      subject: "Our apology — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "I'm sorry for the experience you had with our team. You should have been served clearly and kindly, and this time we fell short.",
        "My manager has reviewed what happened personally, and you were right to raise it. Here is what we're doing: {resolution}. We're also going over it with the team, so no one else goes through the same.",
        "Thank you for your patience with us.",
        SIGN_EN,
        REF_EN,
      ),
    },
    id: {
      subject: "Permohonan maaf kami — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Saya minta maaf atas pengalaman yang Kakak alami dengan tim kami. Kakak seharusnya dilayani dengan jelas dan ramah, dan kali ini kami gagal melakukannya.",
        "Manajer kami sudah meninjau langsung kejadiannya, dan sudah tepat Kakak menyampaikan hal ini kepada kami. Yang kami lakukan: {resolution}. Kami juga membahasnya bersama tim supaya tidak ada pelanggan lain yang mengalami hal serupa.",
        "Terima kasih atas kesabarannya, Kak.",
        SIGN_ID,
        REF_ID,
      ),
    },
  },

  // Payment problems: keep it simple, a plain apology; an overcharge is a matter of trust.
  {
    kind: "ACKNOWLEDGEMENT",
    category: "PAYMENT_PROBLEM",
    en: {
      subject: "Your payment issue — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for telling us. Problems with money are worrying, so we're treating your report {reference} as a priority. I'll check the transaction and come back to you by {replyBy}.",
        "For your safety, please never send us your full card number, PIN or one-time codes.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Kendala pembayaran Kakak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah memberi tahu kami. Urusan uang memang membuat khawatir, jadi laporan {reference} kami prioritaskan. Saya akan memeriksa transaksinya dan memberi kabar paling lambat {replyBy}.",
        "Demi keamanan, mohon jangan pernah mengirimkan nomor kartu lengkap, PIN, atau kode OTP kepada kami.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "CLARIFICATION",
    category: "PAYMENT_PROBLEM",
    en: {
      subject: "About your payment — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for waiting while we checked the payment in {reference}. Here is what we found:",
        "{explanation}",
        "You can compare this with your bank or card statement. If the figures don't match, or you were charged more than you should have been, tell us and we'll put it right straight away.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Tentang pembayaran Kakak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah menunggu selama kami memeriksa pembayaran pada laporan {reference}. Ini yang kami temukan:",
        "{explanation}",
        "Kakak bisa mencocokkannya dengan mutasi rekening atau tagihan kartu. Kalau angkanya tidak sesuai, atau ternyata Kakak ditagih lebih dari seharusnya, kabari kami dan akan langsung kami perbaiki.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "APOLOGY",
    category: "PAYMENT_PROBLEM",
    en: {
      subject: "We're sorry — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "I'm sorry for the problem with your payment. Money matters should never leave you worried, let alone having to chase us about them.",
        "We've checked it, and here is what we're doing: {resolution} ({amount}). If we charged you more than we should have, you get the whole difference back — your trust matters far more to us than the amount.",
        SIGN_EN,
        REF_EN,
      ),
    },
    id: {
      subject: "Mohon maaf, Kak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Mohon maaf atas kendala pada pembayaran Kakak. Urusan uang seharusnya tidak membuat Kakak cemas, apalagi sampai harus menanyakannya berulang kali kepada kami.",
        "Kami sudah memeriksanya, dan ini yang kami lakukan: {resolution} ({amount}). Kalau ada kelebihan tagihan, seluruh selisihnya kami kembalikan — kepercayaan Kakak jauh lebih berharga bagi kami daripada nominalnya.",
        SIGN_ID,
        REF_ID,
      ),
    },
  },

  // Out-of-the-box problems: no standard answer, but the staff know how far the business will go.
  {
    kind: "ACKNOWLEDGEMENT",
    category: "OTHER",
    en: {
      subject: "We've received your message — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for telling us about this. Your case is registered as {reference}.",
        "It doesn't fit one of our usual boxes, so it won't get a standard answer: I'll look into it properly and come back to you by {replyBy}.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Laporan Kakak sudah kami terima — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih sudah menceritakan hal ini kepada kami. Laporan Kakak tercatat dengan nomor {reference}.",
        "Kasus seperti ini tidak bisa dijawab dengan jawaban standar, jadi akan saya pelajari baik-baik dan saya kabari paling lambat {replyBy}.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "CLARIFICATION",
    category: "OTHER",
    en: {
      subject: "About your case — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "Thank you for your patience while we looked into {reference}. Here is what we found:",
        "{explanation}",
        "If this still doesn't feel fair to you, please tell me. We'd much rather find a solution with you than leave it here.",
        SIGN_EN,
      ),
    },
    id: {
      subject: "Tentang laporan Kakak — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Terima kasih atas kesabarannya selama kami menelusuri laporan {reference}. Ini yang kami temukan:",
        "{explanation}",
        "Kalau menurut Kakak ini masih belum adil, tolong sampaikan ke saya. Kami lebih senang mencari jalan keluar bersama Kakak daripada membiarkannya menggantung.",
        SIGN_ID,
      ),
    },
  },
  {
    kind: "APOLOGY",
    category: "OTHER",
    en: {
      subject: "We're sorry — {reference}",
      body: paragraphs(
        "Dear {customerName},",
        "I'm sorry. What happened is not what anyone should experience with us, and thank you for explaining it so fully.",
        "We looked at your case as it is, not against a checklist, and we want to put it fully right: {resolution} ({amount}). If this still falls short, tell me directly — I'd rather hear it from you than lose your trust.",
        SIGN_EN,
        REF_EN,
      ),
    },
    id: {
      subject: "Permohonan maaf kami — {reference}",
      body: paragraphs(
        "Halo Kak {customerName},",
        "Kami mohon maaf. Apa yang Kakak alami bukanlah pengalaman yang pantas didapat siapa pun dari kami, dan terima kasih sudah menceritakannya dengan begitu jelas.",
        "Kasus Kakak kami tinjau apa adanya, bukan sekadar dicocokkan dengan aturan, dan kami ingin menyelesaikannya dengan tuntas: {resolution} ({amount}). Kalau ini masih terasa kurang, sampaikan langsung kepada saya — saya lebih baik mendengarnya dari Kakak daripada kehilangan kepercayaan Kakak.",
        SIGN_ID,
        REF_ID,
      ),
    },
  },
];

const LOCALES = ["en", "id"] as const;

// Arbitrary, fixed, beside run.ts's seed lock: two starts seeding at once cannot both see a
// fallback missing and create it twice (a null categoryId escapes the unique index).
const TEMPLATE_SEED_LOCK = 7_240_532;

/**
 * Creates each seeded template whose (kind, locale, category) has no row yet; never touches an
 * existing row, so an admin's edit survives every start. Run it inside a transaction: the lock
 * that keeps concurrent seeds from duplicating a fallback lasts until that transaction ends.
 */
export async function seedMessageTemplates(db: Prisma.TransactionClient): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${TEMPLATE_SEED_LOCK})`;

  const categories = await db.category.findMany({ where: { code: { in: [...CATEGORY_CODES] } }, select: { id: true, code: true } });
  const categoryIds = new Map(categories.map((c) => [c.code, c.id]));
  // One read instead of a findFirst per row; `categoryId: null` is why this is not an upsert.
  const existing = await db.messageTemplate.findMany({ select: { kind: true, locale: true, categoryId: true } });
  const key = (kind: string, locale: string, categoryId: string | null) => `${kind}|${locale}|${categoryId ?? ""}`;
  const present = new Set(existing.map((t) => key(t.kind, t.locale, t.categoryId)));

  const missing: Prisma.MessageTemplateCreateManyInput[] = [];
  for (const seed of TEMPLATE_SEEDS) {
    const categoryId = seed.category === null ? null : categoryIds.get(seed.category);
    // A category that is not there (yet) gets its templates on the run after it is created.
    if (categoryId === undefined) continue;
    for (const locale of LOCALES) {
      if (!present.has(key(seed.kind, locale, categoryId))) missing.push({ kind: seed.kind, locale, categoryId, ...seed[locale] });
    }
  }
  if (missing.length > 0) await db.messageTemplate.createMany({ data: missing });
}
