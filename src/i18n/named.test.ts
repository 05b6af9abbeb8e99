import { describe, expect, it } from "vitest";
import { named } from "./named";

describe("an admin-made name in the reader's language", () => {
  it("reads a name or a label in Indonesian for id, in English otherwise", () => {
    const macro = { nameEn: "Ask for a photo", nameId: "Minta foto" };
    const option = { labelEn: "Refund", labelId: "Pengembalian dana" };
    expect(named(macro, "id")).toBe("Minta foto");
    expect(named(macro, "en")).toBe("Ask for a photo");
    expect(named(option, "id")).toBe("Pengembalian dana");
    expect(named(option, "en")).toBe("Refund");
    expect(named(option, "fr")).toBe("Refund");
  });
});
