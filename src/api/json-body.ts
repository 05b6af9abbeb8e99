import "server-only";
import type { z } from "zod";
import { ApiProblem, validationProblem } from "./problem";

export const MAX_JSON_BYTES = 256 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The request's JSON body, checked against `schema`: the content type, the size (before and after
 * reading), strict UTF-8, JSON syntax and then the schema each have their own problem. Fields the
 * schema does not know are dropped by zod, never applied.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new ApiProblem(
      "unsupported-media-type",
      `Send the body as JSON with "Content-Type: application/json"${type ? `, not "${type.slice(0, 100)}"` : ""}.`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_JSON_BYTES) throw tooLarge();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiProblem("malformed-json", "The body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiProblem(
      "malformed-json",
      `The body is not valid JSON: ${error instanceof SyntaxError ? error.message : "it could not be parsed"}.`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}

function tooLarge() {
  return new ApiProblem("payload-too-large", `The body may be at most ${MAX_JSON_BYTES / 1024} KiB.`);
}
