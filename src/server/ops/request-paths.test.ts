import { describe, expect, it } from "vitest";
import { pathForLog, routeMatcher } from "./request-paths";

const TOKEN = "v1.AbCdEf0123456789-_xyz";

describe("pathForLog", () => {
  it("never shows a tracking token", () => {
    expect(pathForLog(`/track/${TOKEN}`)).toBe("/track/[redacted]");
    expect(pathForLog(`/track/${TOKEN}/`)).toBe("/track/[redacted]/");
    expect(pathForLog(`/track/${TOKEN}?_rsc=1`)).toBe("/track/[redacted]");
  });

  it("drops the query string, where attachment links carry the token", () => {
    expect(pathForLog(`/api/attachments/5c1f?token=${TOKEN}`)).toBe("/api/attachments/5c1f");
    expect(pathForLog(`/login#${TOKEN}`)).toBe("/login");
  });

  it("keeps other paths as they are", () => {
    expect(pathForLog("/track")).toBe("/track");
    expect(pathForLog("/agent/tickets/TGP-2026-000123")).toBe("/agent/tickets/TGP-2026-000123");
    expect(pathForLog(undefined)).toBe("/");
    expect(pathForLog("?x=1")).toBe("/");
  });
});

describe("routeMatcher", () => {
  const routeOf = routeMatcher([
    "/",
    "/track",
    "/track/[token]",
    "/api/health",
    "/api/health/ready",
    "/api/attachments/[id]",
    "/api/auth/[...nextauth]",
    "/api/v1/openapi.json",
    "/api/v1/tickets/[reference]",
    "/api/v1/tickets/[reference]/stage",
    "/admin/templates/edit",
    "/admin/categories/[id]",
  ]);

  it("names the route pattern, never the token or the id", () => {
    expect(routeOf(`/track/${TOKEN}`)).toBe("/track/[token]");
    expect(routeOf(`/api/attachments/5c1f?token=${TOKEN}`)).toBe("/api/attachments/[id]");
    expect(routeOf("/api/v1/tickets/TGP-1/stage")).toBe("/api/v1/tickets/[reference]/stage");
  });

  it("prefers a static segment to a parameter, and a parameter to a catch-all", () => {
    expect(routeOf("/api/health/ready")).toBe("/api/health/ready");
    expect(routeOf("/api/v1/openapi.json")).toBe("/api/v1/openapi.json");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/admin/templates/edit?kind=APOLOGY")).toBe("/admin/templates/edit");
  });

  it("puts build assets and unknown paths in one label each", () => {
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeOf("/no/such/page")).toBe("other");
    expect(routeOf("/api/auth")).toBe("other");
    expect(routeOf("/")).toBe("/");
  });
});
