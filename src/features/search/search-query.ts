import { Prisma } from "@/generated/prisma/client";
import { indonesianFamily, isExpandableWord, plainWords } from "@/domain/indonesian-family";

/**
 * The tsquery a search box's text becomes. The base is the same text read three ways, matching how
 * Ticket.searchVector is built (english, indonesian and simple; see the search migration), in
 * websearch syntax ("quoted phrases", -exclusions, or). When the text is plain words only, each word
 * may also match any stem of its Indonesian word family (see indonesian-family.ts): words are still
 * all required, each satisfied by any of its readings.
 */
export function searchTsQuery(text: string): Prisma.Sql {
  const base = Prisma.sql`(websearch_to_tsquery('english'::regconfig, ${text}) || websearch_to_tsquery('indonesian'::regconfig, ${text}) || websearch_to_tsquery('simple'::regconfig, ${text}))`;
  const words = plainWords(text);
  if (!words?.some(isExpandableWord)) return base;
  const perWord = words.map((word) => {
    const readings = Prisma.sql`websearch_to_tsquery('english'::regconfig, ${word}) || websearch_to_tsquery('indonesian'::regconfig, ${word}) || websearch_to_tsquery('simple'::regconfig, ${word})`;
    const family = indonesianFamily(word);
    if (!family.length) return Prisma.sql`(${readings})`;
    // Stemming the forms as one document leaves each distinct stem once: a short OR the planner can
    // estimate, so it still picks the GIN index. Stems of lower-case letters need no quoting.
    const stems = Prisma.sql`to_tsquery('simple'::regconfig, array_to_string(tsvector_to_array(to_tsvector('indonesian'::regconfig, ${family.join(" ")})), ' | '))`;
    return Prisma.sql`(${readings} || ${stems})`;
  });
  return Prisma.sql`(${base} || (${Prisma.join(perWord, " && ")}))`;
}
