import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/server/auth/auth-config";
import { contentSecurityPolicy, createNonce } from "@/server/security/csp";

// Reading a staff session here is what keeps its idle timeout moving while they work: Auth.js
// re-issues the session cookie with this request's time (or removes it once the session has
// ended). It reads only the cookie, never the database, and decides nothing about access.
const { auth: readSession } = NextAuth(authConfig);
const refreshSession = readSession((request) => withSecurityHeaders(request));
const isSessionCookie = (name: string) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name);

/**
 * Puts a fresh nonce-based Content-Security-Policy on every page. Next.js reads the policy from
 * the request headers while rendering and stamps the nonce on its scripts, which is why every
 * page is rendered per request (the root layout reads the session, so none is static).
 *
 * This is not an access check and must never become one: every page, action and route handler
 * authorises on its own (src/server/auth/session.ts), so a request that skips the proxy — the
 * x-middleware-subrequest bypass of CVE-2025-29927, say — reaches nothing it could not already.
 */
function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = createNonce();
  // NODE_ENV straight from process.env, not src/env.ts: Next replaces it at build time, so it says
  // what was built (dev or production), which is what the policy must match.
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  // Visitors without a session get no Auth.js cookies at all.
  if (!request.cookies.getAll().some((c) => isSessionCookie(c.name))) return withSecurityHeaders(request);
  // The wrapper's handler takes a route's context; a proxy has no params.
  const response = (await refreshSession(request, { params: Promise.resolve({}) })) ?? withSecurityHeaders(request);
  // Only the session cookie: Auth.js's CSRF and callback cookies belong to its own routes.
  const cookies = response.headers.getSetCookie();
  response.headers.delete("set-cookie");
  for (const cookie of cookies) if (isSessionCookie(cookie.slice(0, cookie.indexOf("=")))) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  matcher: [
    // Pages and server actions; not the API (JSON, CSV and files set their own headers), not
    // build assets, and not router prefetches, whose payload is never run as a document.
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
