import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import { everyPageMessages, NOT_FOR_EVERY_PAGE } from "./client-messages";

const SRC = join(__dirname, "..");
// Rendered only under /admin, whose layout sends every message.
const ADMIN_ONLY = ["app/admin/", "features/admin/", "features/api-tokens/", "features/webhooks/", "features/inbound/"];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "generated"
        ? []
        : files(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe("the messages sent with every page", () => {
  it("leave out only what no client component outside the admin area asks for", () => {
    const offenders: string[] = [];
    for (const file of files(SRC)) {
      const path = file.slice(SRC.length + 1);
      if (ADMIN_ONLY.some((dir) => path.startsWith(dir))) continue;
      const text = readFileSync(file, "utf8");
      // A module that may run in the browser: a client module, or a shared one that reads messages through next-intl's hook.
      const mayRunInBrowser = /^["']use client["']/m.test(text) || (/useTranslations\(/.test(text) && !/import "server-only"/.test(text));
      if (!mayRunInBrowser) continue;
      for (const ns of NOT_FOR_EVERY_PAGE) {
        if (new RegExp(`["\`]${ns}[."\`]`).test(text)) offenders.push(`${path}: ${ns}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keep every other namespace whole", () => {
    const kept = everyPageMessages(en);
    expect(Object.keys(kept).sort()).toEqual(
      Object.keys(en)
        .filter((k) => !(NOT_FOR_EVERY_PAGE as readonly string[]).includes(k))
        .sort(),
    );
    expect(kept.queue).toEqual(en.queue);
  });
});
