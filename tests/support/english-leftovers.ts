// Finds English left in text meant to be Bahasa Indonesia: every literal phrase of the English
// catalogue whose Indonesian differs, looked for as whole words. Shared by the unit test of the
// customer's mail and the end-to-end test of the public pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";

type Tree = { [key: string]: string | Tree };

const load = (locale: string) => JSON.parse(readFileSync(join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Tree;

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

/**
 * The literal text of an ICU message, in the pieces between its arguments. Plural and select
 * branches are left out with their argument: they hold little text, and "{count, plural, one
 * {# file}…" is not a phrase anyone reads as written.
 */
export function literalPieces(message: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of message) {
    if (char === "{") {
      if (depth === 0) {
        pieces.push(current);
        current = "";
      }
      depth++;
    } else if (char === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) current += char;
  }
  pieces.push(current);
  return pieces
    .flatMap((p) => p.split("\n"))
    .map((p) => p.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ""))
    .filter((p) => p.length >= 4 && /\p{L}{3}/u.test(p));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Phrase = { key: string; phrase: string; pattern: RegExp };
let cached: Phrase[] | undefined;

/** The English phrases that must not appear in Indonesian text, each with the key it comes from. */
export function englishPhrases(): Phrase[] {
  if (cached) return cached;
  const en = leaves(load("en"));
  const id = new Map(leaves(load("id")));
  const allIndonesian = [...id.values()].join("\n");
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  for (const [key, english] of en) {
    if (id.get(key) === english) continue;
    for (const phrase of literalPieces(english)) {
      // A word both languages use ("Email", "PDF", a brand) is no leftover.
      if (seen.has(phrase) || allIndonesian.includes(phrase)) continue;
      seen.add(phrase);
      phrases.push({ key, phrase, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, "u") });
    }
  }
  cached = phrases;
  return phrases;
}

/** "key: phrase" for each English phrase found in `text`; empty when there is none. */
export function englishLeftovers(text: string): string[] {
  return englishPhrases()
    .filter((p) => p.pattern.test(text))
    .map((p) => `${p.key}: ${p.phrase}`);
}
