// Server actions called over plain HTTP, as React's client sends them: a POST to a page with the
// action's id in the Next-Action header and the arguments in React's reply encoding. Ids come from
// the production build's manifest, so `next build` must have run.
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers: Record<string, unknown>;
}

export interface BuiltAction {
  id: string;
  exportedName: string;
  filename: string;
  /** A page that imports it, to POST to. */
  page: string;
}

/** Every server action in the production build, by exported name. */
export function builtActions(root = process.cwd()): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync(join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const actions = new Map<string, BuiltAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const page = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
    // Dynamic segments would need a value; the action is found by its id whatever the path.
    const name = entry.exportedName ?? "";
    actions.set(name, { id, exportedName: name, filename: entry.filename ?? "", page: page.includes("[") ? "/" : page });
  }
  return actions;
}

/** How an action takes its arguments. */
export type ActionArgs = "form" | "state+form" | "none";

/**
 * The body React posts: argument list in field "0"; a FormData argument becomes "$K1" with its
 * fields prefixed "_1_" (React 19.3's reply encoding). Values may be strings or files.
 */
export function actionBody(args: ActionArgs, fields: Record<string, string | Blob | (string | Blob)[]> = {}): FormData {
  const body = new FormData();
  const list = args === "none" ? [] : args === "form" ? ["$K1"] : [{ status: "idle" }, "$K1"];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(`_1_${name}`, v);
  }
  // Last, as React sends it: the server resolves "$K1" from the entries that came before.
  body.set("0", JSON.stringify(list));
  return body;
}

export interface ActionCall {
  baseUrl: string;
  action: BuiltAction;
  args: ActionArgs;
  fields?: Record<string, string | Blob | (string | Blob)[]>;
  cookie?: string;
  headers?: Record<string, string>;
  /** Defaults to the server's own origin, as a browser on the page would send. */
  origin?: string;
}

/** Calls the action; resolves with the HTTP status and the RSC payload as text. */
export async function callAction(call: ActionCall): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(new URL(call.action.page, call.baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": call.action.id,
      Accept: "text/x-component",
      Origin: call.origin ?? new URL(call.baseUrl).origin,
      ...(call.cookie ? { Cookie: call.cookie } : {}),
      ...call.headers,
    },
    body: actionBody(call.args, call.fields),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/**
 * The action's return value, out of the RSC payload: the row holding an object with `status`.
 * A long string is sent as a text row with no newline after it, so a row may start mid-line.
 */
export function actionResult(text: string): Record<string, unknown> | null {
  for (const line of text.split("\n")) {
    const match = /[0-9a-f]+:(\{"status".*)$/.exec(line);
    if (!match) continue;
    try {
      return JSON.parse(match[1]!) as Record<string, unknown>;
    } catch {
      // Not this row.
    }
  }
  return null;
}

/** Signs in through Auth.js's credentials endpoint and returns the Cookie header to send. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl));
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/agent" }),
  });
  keep(response);
  if (response.status !== 302 || (response.headers.get("location") ?? "").includes("error"))
    throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return cookie();
}
