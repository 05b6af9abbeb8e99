import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import id from "../../messages/id.json";
import * as lists from "./client-namespaces";
import { pickMessages } from "./client-messages";

/*
 * A client component that reads a namespace its provider did not send fails only at runtime, on the
 * page that renders it. So: from each route file, follow the imports to every module that runs in the
 * browser, collect the messages each reads, and check the provider wrapping that route sends them.
 */

const SRC = join(__dirname, "..");
const APP = join(SRC, "app");
const ROUTE_FILE = /^(page|layout|not-found|forbidden|unauthorized|error|global-error|loading|template|default)\.tsx$/;
const NAMESPACES = new Set(Object.keys(en));
const ALL = "*";

const source = new Map<string, string>();
function read(file: string): string {
  let text = source.get(file);
  if (text === undefined) source.set(file, (text = readFileSync(file, "utf8")));
  return text;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? join(SRC, specifier.slice(2))
    : specifier.startsWith(".")
      ? join(dirname(from), specifier)
      : undefined;
  if (!base) return undefined; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The modules `file` imports for their values (a type-only import brings no code). */
function imports(file: string): string[] {
  const text = read(file);
  const specifiers = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
  ];
  return specifiers.map((s) => resolve(file, s)).filter((f): f is string => f !== undefined);
}

const isClient = (file: string) => /^["']use client["']/m.test(read(file));
const isServerActions = (file: string) => /^["']use server["']/m.test(read(file));

/** Message paths written as literals: "protocol.apologyCheck.title", or the fixed part of `errors.${key}`. */
function literalPaths(file: string): string[] {
  return [...read(file).matchAll(/["'`]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)(?=["'`]|\.\$\{)/g)]
    .map((m) => m[1]!)
    .filter((path) => NAMESPACES.has(path.split(".")[0]!) && lookup(en, path) !== undefined);
}

function lookup(messages: object, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), messages);
}

/** The messages a module that runs in the browser reads. */
function readsOf(file: string): string[] {
  const text = read(file);
  const paths = [...text.matchAll(/\buseTranslations\(\s*([^)]*?)\s*\)/g)].flatMap(([, arg]) =>
    // A namespace the walk cannot read is reported as missing: write it out.
    arg === "" ? [] : [/^["'`][\w.]+["'`]$/.test(arg!) ? arg!.slice(1, -1) : `(a namespace not written out: ${arg})`],
  );
  // Without a namespace, the keys are written out whole, here or in the helpers it hands its `t` to.
  if (/\buseTranslations\(\s*\)/.test(text)) {
    paths.push(...literalPaths(file));
    for (const helper of imports(file)) if (!isClient(helper) && !isServerActions(helper)) paths.push(...literalPaths(helper));
  }
  if (/\buseMessages\(\s*\)/.test(text)) paths.push(ALL);
  return paths;
}

/**
 * The modules `entry` brings into the browser: the client modules it reaches and everything they
 * import, short of server actions (the browser gets a reference to those, not their code).
 */
function browserModules(entry: string): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inBrowser: boolean) => {
    const browser = inBrowser || isClient(file);
    const key = `${browser}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (browser && isServerActions(file)) return;
    if (browser) found.add(file);
    for (const next of imports(file)) visit(next, browser);
  };
  visit(entry, false);
  return found;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(join(dir, e.name)) : ROUTE_FILE.test(e.name) ? [join(dir, e.name)] : [],
  );
}

type Lists = Record<string, readonly string[]>;
const LISTS = lists as unknown as Lists;

/** What the provider a route file renders sends: its ClientMessages list (with EVERY_PAGE), or every message. */
function ownProvider(file: string): { list?: string; paths: readonly string[] } | undefined {
  const text = read(file);
  const named = [...new Set([...text.matchAll(/<ClientMessages\s+namespaces=\{(\w+)\}/g)].map((m) => m[1]!))];
  if (named.length > 1) throw new Error(`${file}: one list per route file, not ${named.join(", ")}`);
  if (named[0]) {
    const paths = LISTS[named[0]];
    if (!paths) throw new Error(`${file}: ${named[0]} is not exported by client-namespaces.ts`);
    return { list: named[0], paths: [...lists.EVERY_PAGE, ...paths] };
  }
  if (/<NextIntlClientProvider>/.test(text)) return { paths: [ALL] };
  return undefined;
}

/** The provider around a route file's output: its own, else the nearest layout's above it. */
function providerOf(file: string): { list?: string; paths: readonly string[] } {
  const own = ownProvider(file);
  if (own) return own;
  for (let dir = file.endsWith("layout.tsx") ? dirname(dirname(file)) : dirname(file); dir.startsWith(APP); dir = dirname(dir)) {
    const layout = join(dir, "layout.tsx");
    if (existsSync(layout)) {
      const provider = ownProvider(layout);
      if (provider) return provider;
    }
  }
  return { paths: [] };
}

const covers = (given: readonly string[], path: string) => given.some((g) => g === ALL || path === g || path.startsWith(`${g}.`));

const routes = routeFiles(APP).map((file) => {
  const modules = [...browserModules(file)];
  const reads = new Map(modules.map((m) => [relative(SRC, m), readsOf(m)]));
  return { route: relative(SRC, file), reads, provider: providerOf(file) };
});

describe("the messages each page sends its client components", () => {
  it("include every one its client components read", () => {
    const missing = routes.flatMap(({ route, reads, provider }) =>
      [...reads].flatMap(([module, paths]) => paths.filter((p) => !covers(provider.paths, p)).map((p) => `${route} → ${module}: ${p}`)),
    );
    expect(missing).toEqual([]);
  });

  it("include none its client components do not read", () => {
    const extra = routes.flatMap(({ route, reads, provider }) => {
      if (!provider.list) return [];
      const read = [...reads.values()].flat();
      return LISTS[provider.list]!.filter((given) => !read.some((p) => covers([given], p))).map((p) => `${route} (${provider.list}): ${p}`);
    });
    expect(extra).toEqual([]);
  });

  // The lists hold for what a route renders inside its provider: a page that returns something else
  // on one of its paths would render that with the root layout's messages only.
  it("wrap everything a page that has a list renders", () => {
    const unwrapped = routes.flatMap(({ route }) => {
      if (!ownProvider(join(SRC, route))?.list || route === "app/layout.tsx") return [];
      const returned = [...read(join(SRC, route)).matchAll(/\breturn\s*\(?\s*<([\w.]*)/g)].map((m) => m[1]!);
      return returned.filter((tag) => tag !== "ClientMessages").map((tag) => `${route}: <${tag}>`);
    });
    expect(unwrapped).toEqual([]);
  });

  it("name messages both catalogues have", () => {
    const unknown = Object.entries(LISTS).flatMap(([name, paths]) =>
      paths.filter((p) => lookup(en, p) === undefined || lookup(id, p) === undefined).map((p) => `${name}: ${p}`),
    );
    expect(unknown).toEqual([]);
  });

  // The walk itself: were it to stop finding client modules, the checks above would pass on nothing.
  it("find what the ticket workspace's client components read, down to the keys written out whole", () => {
    const workspace = routes.find((r) => r.route === "app/agent/tickets/[reference]/page.tsx")!;
    expect(workspace.reads.get("features/protocol/components/stages/apology-form.tsx")).toEqual(
      expect.arrayContaining(["workspace", "protocol.apologyCheck.title", "protocol.apologyCheck.findings"]),
    );
    expect(workspace.reads.has("features/protocol/actions.ts")).toBe(false);
    const complaint = routes.find((r) => r.route === "app/complaints/new/page.tsx")!;
    expect(complaint.reads.get("components/honeypot.tsx")).toEqual(["honeypot"]);
  });
});

describe("pickMessages", () => {
  it("keeps only the subtrees asked for, a namespace listed whole staying whole", () => {
    const picked = pickMessages(en, ["queue", "protocol.apologyCheck", "complaintForm.receipt", "complaintForm", "nowhere.at.all"]);
    expect(picked).toEqual({ queue: en.queue, protocol: { apologyCheck: en.protocol.apologyCheck }, complaintForm: en.complaintForm });
  });
});
