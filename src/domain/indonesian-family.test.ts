import { describe, expect, it } from "vitest";
import { candidateRoots, indonesianFamily, isExpandableWord, plainWords } from "./indonesian-family";

describe("Indonesian word families for search", () => {
  it("finds the root behind nasal prefixes, putting back the sound they replaced", () => {
    expect(candidateRoots("pengembalian")).toContain("kembali");
    expect(candidateRoots("menolak")).toContain("tolak");
    expect(candidateRoots("memotong")).toContain("potong");
    expect(candidateRoots("menyampaikan")).toContain("sampai");
    expect(candidateRoots("dikembalikannya")).toContain("kembali");
    expect(candidateRoots("keterlambatan")).toContain("lambat");
  });

  it("does not guess roots no Indonesian word starts like", () => {
    expect(candidateRoots("kembali")).not.toContain("mbali");
  });

  it("spells out the forms of each root that documents are written with", () => {
    const family = indonesianFamily("dikembalikan");
    for (const form of ["kembali", "kembalikan", "mengembalikan", "pengembalian", "dikembalikan"]) expect(family).toContain(form);
    expect(indonesianFamily("ditolak")).toEqual(expect.arrayContaining(["menolak", "penolakan", "tolak"]));
  });

  it("leaves short words, numbers and mixed tokens alone", () => {
    for (const word of ["adu", "ORD-88213", "88213", "café", ""]) {
      expect(isExpandableWord(word)).toBe(false);
      expect(indonesianFamily(word)).toEqual([]);
    }
  });

  it("expands only searches made of plain words", () => {
    expect(plainWords("Pengembalian  Dana")).toEqual(["pengembalian", "dana"]);
    for (const text of ['"pengembalian dana"', "dana -kembali", "dana or uang", "ORD-88213", "a b c d e f g h i"])
      expect(plainWords(text), text).toBeNull();
  });
});
