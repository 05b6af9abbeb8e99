// PostgreSQL's Snowball stemmer for Indonesian strips affixes without restoring the sound the
// prefix swallowed (meN-/peN- before k and t) and takes the "ke" of roots such as "kembali" for a
// prefix. So one word family ends up under several stems: "dikembalikan" → kembali,
// "pengembalian" → embali, "kembalikan" → mbalik, "menolak" → olak but "ditolak" → tolak.
// The index cannot be changed from the query side, so the query does the reverse: it guesses the
// roots a search word may come from, spells out the usual forms of each root, and lets the same
// stemmer reduce them; a document word in the family then shares at least one stem with the query.
// Wrong guesses only add stems of words nobody writes.

const VOWEL = /^[aiueo]/;
const MIN_ROOT = 4;
const MAX_WORD = 30;
// How an Indonesian root can begin: a vowel, a consonant and a vowel, or one of the usual clusters.
// "mbali" (kembali less a supposed ke-) cannot, so it is not guessed.
const ROOT_START = /^([aiueo]|[^aiueo][aiueo]|ny|ng|sy|kh|[bpgkdtf][lr]|s[tkpl])/;

/** Words the expansion applies to: plain lower-case letters, long enough to carry affixes. */
export function isExpandableWord(word: string): boolean {
  return /^[a-z]+$/.test(word) && word.length >= MIN_ROOT + 1 && word.length <= MAX_WORD;
}

function withoutInflection(word: string): string[] {
  const out = [word];
  for (const particle of ["lah", "kah", "tah", "pun"]) if (word.endsWith(particle)) out.push(word.slice(0, -particle.length));
  for (const w of [...out])
    for (const possessive of ["nya", "ku", "mu"]) if (w.endsWith(possessive)) out.push(w.slice(0, -possessive.length));
  return out;
}

function withoutSuffix(word: string): string[] {
  const out = [word];
  for (const suffix of ["kan", "an", "i"]) if (word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  return out;
}

/**
 * What may remain after one prefix, with the first sound a nasal prefix replaced put back. Each
 * prefix only where Indonesian spells it that way (peng- before a vowel, g, h or k; pem- before b,
 * f, p or a vowel; ...), so fewer wrong roots are guessed.
 */
function afterOnePrefix(word: string): string[] {
  const out: string[] = [];
  const after = (prefix: string, next: RegExp) => {
    for (const p of [prefix, `p${prefix.slice(1)}`]) if (word.startsWith(p) && next.test(word.slice(p.length))) return word.slice(p.length);
    return null;
  };
  for (const prefix of ["di", "ke", "se", "ter", "ber", "per"]) if (word.startsWith(prefix)) out.push(word.slice(prefix.length));
  if (word.startsWith("bek")) out.push(word.slice(2)); // be-kerja
  const meng = after("meng", /^[aiueogh]|^k/);
  if (meng) out.push(meng, ...(VOWEL.test(meng) ? [`k${meng}`] : []));
  const meny = after("meny", VOWEL);
  if (meny) out.push(`s${meny}`, `ny${meny}`);
  const men = after("men", /^[aiueodcjzt]|^sy/);
  if (men) out.push(...(VOWEL.test(men) ? [`t${men}`] : [men]));
  const mem = after("mem", /^[aiueobfvp]/);
  if (mem) out.push(...(VOWEL.test(mem) ? [`p${mem}`] : [mem]));
  const me = after("me", /^(?!ng|ny)[lmnrwy]/);
  if (me) out.push(me);
  return out;
}

/** The roots a word may come from: itself, and what is left without up to two prefixes and a suffix. */
export function candidateRoots(word: string): string[] {
  const roots = new Set<string>();
  for (const inflected of withoutInflection(word)) {
    for (const stem of withoutSuffix(inflected)) {
      roots.add(stem);
      for (const once of afterOnePrefix(stem)) {
        roots.add(once);
        for (const twice of afterOnePrefix(once)) roots.add(twice);
      }
    }
  }
  return [...roots].filter((r) => r.length >= MIN_ROOT && ROOT_START.test(r));
}

/** meN- and peN- as they attach to a root: mengirim, menolak, memotong, menyapu, melihat. */
function nasal(prefix: "me" | "pe", root: string): string {
  if (VOWEL.test(root) || /^[gh]/.test(root)) return `${prefix}ng${root}`;
  if (/^k[aiueo]/.test(root)) return `${prefix}ng${root.slice(1)}`;
  if (/^s[aiueo]/.test(root)) return `${prefix}ny${root.slice(1)}`;
  if (/^t[aiueo]/.test(root)) return `${prefix}n${root.slice(1)}`;
  if (/^[dcjz]/.test(root)) return `${prefix}n${root}`;
  if (/^p[aiueo]/.test(root)) return `${prefix}m${root.slice(1)}`;
  if (/^[bfv]/.test(root)) return `${prefix}m${root}`;
  return `${prefix}${root}`;
}

/** The usual derived forms of a root: what documents in its family are written with. */
function forms(root: string): string[] {
  const me = nasal("me", root);
  const pe = nasal("pe", root);
  return [
    root,
    `${root}kan`,
    `${root}an`,
    `${root}i`,
    `di${root}`,
    `di${root}kan`,
    `di${root}i`,
    `ter${root}`,
    `ber${root}`,
    `ke${root}an`,
    `keter${root}an`,
    `per${root}an`,
    me,
    `${me}kan`,
    `${me}i`,
    `${pe}an`,
  ];
}

/**
 * The forms to stem for one search word, so that every written form of its family shares a stem
 * with the query. Empty when the word is not a candidate for expansion.
 */
export function indonesianFamily(word: string): string[] {
  if (!isExpandableWord(word)) return [];
  const all = new Set<string>([word]);
  for (const root of candidateRoots(word)) for (const form of forms(root)) all.add(form);
  return [...all];
}

/** The words of a search without websearch operators, lower-cased; null when it uses any. */
export function plainWords(text: string): string[] | null {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return null;
  if (words.some((w) => w === "or" || !/^[a-z]+$/.test(w))) return null;
  return words;
}
