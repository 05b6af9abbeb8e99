import "server-only";
import type { ApiScope } from "@/domain/api-scopes";
import { env } from "@/env";
import type { Actor } from "@/features/protocol/change-ticket";
import { hitRateLimit } from "@/server/rate-limit";
import { ApiProblem, toProblemResponse } from "./problem";
import { authenticateApiRequest, type ApiCaller, type AuthFailure } from "./tokens";

export interface ApiRequest {
  request: Request;
  caller: ApiCaller;
  /** The token's creator, as the protocol's commands take them. */
  actor: Actor;
}

const AUTH_DETAIL: Record<AuthFailure, string> = {
  missing: 'Send an API token as "Authorization: Bearer <token>". An admin creates tokens at /admin/api-tokens.',
  malformed: 'The Authorization header must be "Bearer " followed by a Tanggap API token (it starts with "tgp_").',
  unknown: "This token is not recognised. Check that it was copied whole; an admin can make a new one.",
  revoked: "This token has been revoked. Ask an admin for a new one.",
  inactiveOwner: "The staff member who made this token has been deactivated, so the token no longer works.",
};

/**
 * Every /api/v1 route that acts on tickets: authenticate the bearer token (re-reading its owner,
 * so a revoked token or a deactivated owner stops at once), check the scope the route declares,
 * count the request against the token's limit in PostgreSQL, then run. Whatever is thrown becomes
 * problem+json in one place (./problem.ts).
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  scope: ApiScope,
  handle: (api: ApiRequest, params: P) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const instance = new URL(request.url).pathname;
    try {
      const caller = await authenticateApiRequest(request);
      if (typeof caller === "string") {
        const challenge = caller === "missing" ? 'Bearer realm="tanggap"' : 'Bearer realm="tanggap", error="invalid_token"';
        throw new ApiProblem("unauthenticated", AUTH_DETAIL[caller], {}, { "WWW-Authenticate": challenge });
      }
      if (!caller.scopes.includes(scope)) {
        throw new ApiProblem(
          "insufficient-scope",
          `This request needs the "${scope}" scope; the token has ${caller.scopes.length ? caller.scopes.map((s) => `"${s}"`).join(", ") : "none"}.`,
          { requiredScope: scope },
          {
            "WWW-Authenticate": `Bearer realm="tanggap", error="insufficient_scope", scope="${scope}"`,
          },
        );
      }
      const limit = await hitRateLimit(`api:${caller.tokenId}`, { limit: env().API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
      if (!limit.allowed) {
        throw new ApiProblem(
          "rate-limited",
          `This token may make ${env().API_RATE_LIMIT_PER_MINUTE} requests a minute. Try again in ${limit.retryAfterSeconds} s.`,
          {},
          {
            "Retry-After": String(limit.retryAfterSeconds),
          },
        );
      }
      return await handle({ request, caller, actor: caller.staff }, await context.params);
    } catch (error) {
      return toProblemResponse(error, instance);
    }
  };
}
