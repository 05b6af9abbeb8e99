import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import type { Translate } from "@/lib/forms/form-state";
import { attachmentFieldErrors, attachmentProblemMessages } from "./messages";

const translator = (messages: typeof en, locale: string) => createTranslator({ locale, messages }) as unknown as Translate;

describe("attachment messages", () => {
  it("say which file and why, in both languages", () => {
    const problems = [
      { index: 0, name: "photo.png", reason: "wrongType" },
      { index: 1, name: "video.mov", reason: "tooLarge" },
      { index: 5, name: "six.jpg", reason: "tooMany" },
      { index: 4, name: "scan.pdf", reason: "totalTooLarge" },
      { index: 2, name: "blank.jpg", reason: "empty" },
    ] as const;
    expect(attachmentProblemMessages(problems, translator(en, "en"))).toEqual([
      "“photo.png” is not a photo or PDF we can accept, whatever its name says: only JPEG, PNG, WebP, HEIC, GIF and PDF files.",
      "“video.mov” is too big: each file can be at most 5 MB.",
      "“six.jpg” is one file too many: at most 5 files can be sent at once.",
      "“scan.pdf” would take the files over 15 MB together.",
      "“blank.jpg” is empty.",
    ]);
    expect(attachmentProblemMessages(problems, translator(id, "id"))[1]).toBe(
      "“video.mov” terlalu besar: setiap berkas paling besar 5 MB.",
    );
  });

  it("remind the customer to choose the files again whenever a form that carried files comes back", () => {
    const t = translator(en, "en");
    expect(attachmentFieldErrors({ fileCount: 0 }, t)).toEqual({});
    expect(attachmentFieldErrors({ fileCount: 1 }, t)).toEqual({
      attachments: ["Your text is kept, but a browser cannot put files back into a form: choose your file again before sending."],
    });
    expect(attachmentFieldErrors({ fileCount: 3 }, t).attachments).toEqual([
      "Your text is kept, but a browser cannot put files back into a form: choose your 3 files again before sending.",
    ]);
    const refused = attachmentFieldErrors({ fileCount: 2, problems: [{ index: 1, name: "page.png", reason: "wrongType" }] }, t, "files");
    expect(refused.files).toHaveLength(2);
    expect(refused.files![1]).toContain("leaving out the ones refused above");
  });

  it("list ten refused files and count the rest", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ index: i, name: `${i}.png`, reason: "tooMany" as const }));
    const messages = attachmentProblemMessages(many, translator(en, "en"));
    expect(messages).toHaveLength(11);
    expect(messages.at(-1)).toBe("…and 30 more files that cannot be accepted.");
  });
});
