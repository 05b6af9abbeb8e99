import "server-only";
import { headers } from "next/headers";
import { env } from "@/env";

/**
 * The address customers use to reach this app, for links we hand them. PUBLIC_BASE_URL
 * wins; without it, the request's own host (which can only mislead the requester).
 */
export async function publicUrl(path: string): Promise<string> {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return new URL(path, configured).toString();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return new URL(path, `${proto}://${host}`).toString();
}
