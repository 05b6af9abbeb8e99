import { randomUUID } from "node:crypto";

// A balancer or a caller may send its own id so one request can be followed across services; it
// goes into every log line and back in a header, so only a short plain token is taken as it is.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The incoming X-Request-Id when it is a short plain token, else a fresh one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
