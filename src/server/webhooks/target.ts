import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { DomainError, type WebhookTargetReason } from "@/domain/errors";
import { env } from "@/env";
import { classifyAddress, isAllowedAddress } from "./address-policy";

export interface ResolvedTarget {
  url: URL;
  /** The checked address the connection must use: resolving again could give another (DNS rebinding). */
  address: string;
  family: 4 | 6;
}

/** Why a webhook URL may not be used: in English words an admin can act on (the message), and as a reason to translate. */
function refusal(message: string, reason: WebhookTargetReason, host = "", address = ""): DomainError<"webhookTargetRefused"> {
  return new DomainError("webhookTargetRefused", { reason, host, address }, message);
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Checks a webhook URL and resolves its host. Every address the name resolves to must be allowed,
 * so a name with one public and one private record is refused rather than left to chance.
 */
export async function resolveWebhookTarget(
  raw: string,
  options: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<ResolvedTarget> {
  const allowPrivate = options.allowPrivate ?? env().WEBHOOK_ALLOW_PRIVATE === "1";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refusal("This is not a valid URL.", "invalidUrl");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw refusal("Only http:// and https:// URLs can receive webhooks.", "scheme");
  if (url.username || url.password)
    throw refusal("Put credentials in your receiver's own checks, not in the URL: webhooks are signed.", "credentials");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw refusal(`The host name ${host} does not resolve.`, "unresolvable", host);
    }
    if (addresses.length === 0) throw refusal(`The host name ${host} does not resolve.`, "unresolvable", host);
  }
  const refused = addresses.find((a) => !isAllowedAddress(a.address, allowPrivate));
  if (refused) {
    const kind = classifyAddress(refused.address);
    const what = {
      loopback: "a loopback address (this server itself)",
      private: "a private network address",
      linkLocal: "a link-local address (where cloud metadata services live)",
      unspecified: "an unspecified address",
      reserved: "a reserved or multicast address",
      public: "",
    }[kind];
    const via = isIP(host) ? "" : ` (${host} resolves to ${refused.address})`;
    throw refusal(
      `Webhooks cannot be sent to ${what}${via}. Use a public address.`,
      kind === "public" ? "reserved" : kind,
      host,
      refused.address,
    );
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
