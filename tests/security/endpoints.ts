// Every way into the app, with who may use it. The authorisation matrix (tests/e2e/authorisation.spec.ts)
// calls each row over HTTP as every caller; the guard (tests/security/endpoints.test.ts) fails when
// a "use server" export, a route.ts or a page.tsx in the tree has no row here.
//
// Adding an endpoint is one line below. Gates:
//   public      anyone
//   token       the holder of the ticket's tracking link (nobody else, staff included)
//   agent | supervisor | admin   that role or above
//   api         a bearer API token (src/api/tokens.ts); no caller here holds one, and no
//               session cookie stands in for it, so everyone is answered 401. The token paths
//               themselves are tested in src/app/api/v1/tickets/route.integration.test.ts.
import type { ActionArgs } from "../support/server-actions";

export type Gate = "public" | "token" | "agent" | "supervisor" | "admin" | "api";
export type Caller = "anonymous" | "customer" | "agent" | "supervisor" | "admin";
export const CALLERS: readonly Caller[] = ["anonymous", "customer", "agent", "supervisor", "admin"];

/** Values a row's path or fields may name as {placeholder}; the matrix fills them in per caller. */
export type Placeholder = "reference" | "ticketId" | "token" | "attachmentId" | "letterId" | "report" | "staffId" | "categoryId";

interface Common {
  /** Source file, relative to the repository root. */
  file: string;
  gate: Gate;
}
export interface ActionEndpoint extends Common {
  kind: "action";
  name: string;
  args: ActionArgs;
  /** Fields sent: enough to pass the gate, never enough to change anything for an allowed caller. */
  fields?: Record<string, string>;
  /** Ends the caller's session (every session of theirs): the matrix signs them in again after it. */
  endsSession?: true;
}
export interface RouteEndpoint extends Common {
  kind: "route";
  method: "GET" | "POST";
  path: string;
  /** The status an allowed caller gets. */
  ok?: number;
  /** The status a refused caller gets when signed out / signed in below the gate (defaults 401 / 403). */
  signedOut?: number;
  lowerRole?: number;
}
export interface PageEndpoint extends Common {
  kind: "page";
  path: string;
}
export type Endpoint = ActionEndpoint | RouteEndpoint | PageEndpoint;

const action = (file: string, name: string, gate: Gate, args: ActionArgs, fields?: Record<string, string>): ActionEndpoint => ({
  kind: "action",
  file,
  name,
  gate,
  args,
  fields,
});
const route = (
  file: string,
  method: RouteEndpoint["method"],
  path: string,
  gate: Gate,
  extra: Partial<RouteEndpoint> = {},
): RouteEndpoint => ({ kind: "route", file, method, path, gate, ...extra });
const page = (file: string, path: string, gate: Gate): PageEndpoint => ({ kind: "page", file, path, gate });

// A ticket id with a version no ticket has: an allowed caller is answered "changed since" or
// "not found", and nothing is written.
const TICKET = { ticketId: "{ticketId}", version: "999999" };
const PROTOCOL = "src/features/protocol/actions.ts";
const ADMIN = "src/features/admin/actions.ts";
// Without a session nothing of the body is read; with one, an empty form is refused as invalid.
const adminAction = (file: string, name: string) => action(file, name, "admin", "state+form");
// A token the API has never issued: the caller's session cookie is all it carries.
const apiRoute = (file: string, method: RouteEndpoint["method"], path: string) =>
  route(file, method, path, "api", { signedOut: 401, lowerRole: 401 });

export const ENDPOINTS: readonly Endpoint[] = [
  action("src/features/auth/actions.ts", "signInWithPassword", "public", "state+form"),
  { ...action("src/features/auth/actions.ts", "signOutAction", "public", "none"), endsSession: true },
  action("src/features/complaints/actions.ts", "submitComplaint", "public", "state+form"),
  action("src/i18n/actions.ts", "setLocale", "public", "form", { locale: "en" }),
  action("src/features/tracking/actions.ts", "lookupAction", "public", "state+form"),
  action("src/features/tracking/actions.ts", "customerReplyAction", "token", "state+form", {
    token: "{token}",
    body: "Matrix probe: a reply.",
  }),
  action("src/features/tracking/actions.ts", "rateHandlingAction", "token", "state+form", {
    token: "{token}",
    rating: "5",
    wouldTrustAgain: "yes",
  }),
  action("src/features/tracking/actions.ts", "reopenByCustomerAction", "token", "state+form", {
    token: "{token}",
    reason: "Matrix probe: reopen.",
  }),
  action("src/features/queue/actions.ts", "claimTicketAction", "agent", "state+form", { ticketId: "not-a-ticket" }),
  action(PROTOCOL, "bulkChangeAction", "agent", "state+form"),
  action(PROTOCOL, "acknowledgeAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "recordListeningAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "recordUnderstandingAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "sendClarificationAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "escalateAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "chooseResolutionAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "decideApprovalAction", "supervisor", "state+form", TICKET),
  action(PROTOCOL, "settleEscalationAction", "supervisor", "state+form", TICKET),
  action(PROTOCOL, "flagVulnerabilityAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "removeVulnerabilityFlagAction", "agent", "state+form", TICKET),
  // An empty form: an allowed caller is told what to fill in, and nothing is written.
  action("src/features/quality/actions.ts", "recordQualityReviewAction", "supervisor", "state+form"),
  action("src/features/root-cause-actions/actions.ts", "recordRootCauseActionAction", "supervisor", "state+form"),
  action("src/features/root-cause-actions/actions.ts", "setRootCauseActionStatusAction", "supervisor", "state+form"),
  action(PROTOCOL, "sendApologyAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "replyAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "setWaitingAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "reopenAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "assignAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "setPriorityAction", "agent", "state+form", TICKET),
  action(PROTOCOL, "changeCategoryAction", "agent", "state+form", TICKET),
  action("src/features/regulation/actions.ts", "extendRegulatoryDeadlineAction", "agent", "state+form", TICKET),
  // A reference no ticket has: an allowed caller is told so, and neither ticket changes.
  action(PROTOCOL, "mergeAction", "agent", "state+form", { ...TICKET, duplicate: "TGP-999999" }),
  // A macro no team has: an allowed caller is refused it, and the ticket does not change.
  action(PROTOCOL, "applyMacroAction", "agent", "state+form", { ...TICKET, macroId: "00000000-0000-4000-8000-000000000000" }),
  action("src/features/custom-fields/actions.ts", "saveInternalAnswersAction", "agent", "state+form", TICKET),
  action("src/features/letters/actions.ts", "sendLetterAction", "agent", "state+form", { ...TICKET, kind: "ACKNOWLEDGEMENT" }),
  action("src/features/regulated/actions.ts", "recordOutcomeAction", "agent", "state+form", { ...TICKET, outcome: "UPHELD" }),
  action("src/features/regulated/actions.ts", "recordExternalEscalationAction", "agent", "state+form", {
    ...TICKET,
    body: "LAPS_SJK",
    referredAt: "2026-12-01",
  }),
  action("src/features/regulated/actions.ts", "decideExternalEscalationAction", "agent", "state+form", {
    ...TICKET,
    escalationId: "00000000-0000-4000-8000-000000000000",
    decidedAt: "2026-12-01",
    outcome: "Matrix probe",
  }),
  // An id no notice has: an allowed caller marks nothing read.
  action("src/features/notifications/actions.ts", "markNotificationsReadAction", "agent", "state+form", {
    ids: "00000000-0000-4000-8000-000000000000",
  }),
  ...[
    "createStaffAction",
    "updateStaffAction",
    "resetPasswordAction",
    "setStaffActiveAction",
    "endStaffSessionsAction",
    "createTeamAction",
    "renameTeamAction",
    "setCategoryTeamAction",
    "createCategoryAction",
    "updateCategoryAction",
    "setCategoryRegimeAction",
    "saveRegimeSettingAction",
    "saveResolutionOptionAction",
    "setAuthorityLimitAction",
    "saveProposalAction",
    "deleteProposalAction",
    "saveSlaTargetAction",
    "deleteSlaTargetAction",
    "updateCalendarAction",
    "addHolidayAction",
    "removeHolidayAction",
    "saveTemplateAction",
    "deleteTemplateAction",
    "saveMacroAction",
    "createCustomFieldAction",
    "updateCustomFieldAction",
    "saveQualityCriterionAction",
  ].map((name) => adminAction(ADMIN, name)),
  adminAction("src/features/api-tokens/actions.ts", "createApiTokenAction"),
  adminAction("src/features/api-tokens/actions.ts", "revokeApiTokenAction"),
  adminAction("src/features/webhooks/actions.ts", "registerWebhookAction"),
  adminAction("src/features/webhooks/actions.ts", "disableWebhookAction"),
  adminAction("src/features/inbound/actions.ts", "addMailboxAction"),
  adminAction("src/features/inbound/actions.ts", "stopMailboxAction"),

  route("src/app/api/health/route.ts", "GET", "/api/health", "public"),
  route("src/app/api/health/live/route.ts", "GET", "/api/health/live", "public"),
  route("src/app/api/health/ready/route.ts", "GET", "/api/health/ready", "public"),
  // METRICS_TOKEN's bearer (the browser suites set one); no session stands in for it.
  apiRoute("src/app/api/metrics/route.ts", "GET", "/api/metrics"),
  // A mail provider's HMAC signature over the raw message (INBOUND_WEBHOOK_SECRET; the browser
  // suites set one); no session stands in for it.
  apiRoute("src/app/api/inbound/mail/route.ts", "POST", "/api/inbound/mail"),
  route("src/app/api/auth/[...nextauth]/route.ts", "GET", "/api/auth/session", "public"),
  route("src/app/api/attachments/[id]/route.ts", "GET", "/api/attachments/{attachmentId}?token={token}", "token", {
    signedOut: 404,
    lowerRole: 404,
  }),
  // Without a link: staff only, and the signed-out are told nothing exists.
  route("src/app/api/attachments/[id]/route.ts", "GET", "/api/attachments/{attachmentId}", "agent", { signedOut: 404 }),
  route("src/app/api/letters/[id]/route.ts", "GET", "/api/letters/{letterId}?token={token}", "token", { signedOut: 404, lowerRole: 404 }),
  // Without a link: staff only, and the signed-out are told nothing exists.
  route("src/app/api/letters/[id]/route.ts", "GET", "/api/letters/{letterId}", "agent", { signedOut: 404 }),
  route("src/app/supervisor/reports/[report]/csv/route.ts", "GET", "/supervisor/reports/{report}/csv", "supervisor"),
  route("src/app/agent/export/route.ts", "GET", "/agent/export", "agent"),
  route("src/app/supervisor/register/csv/route.ts", "GET", "/supervisor/register/csv", "supervisor"),
  route("src/app/supervisor/returns/[kind]/csv/route.ts", "GET", "/supervisor/returns/ojk/csv", "supervisor"),
  route("src/app/api/v1/openapi.json/route.ts", "GET", "/api/v1/openapi.json", "public"),
  apiRoute("src/app/api/v1/tickets/route.ts", "GET", "/api/v1/tickets"),
  apiRoute("src/app/api/v1/tickets/route.ts", "POST", "/api/v1/tickets"),
  apiRoute("src/app/api/v1/tickets/[reference]/route.ts", "GET", "/api/v1/tickets/{reference}"),
  apiRoute("src/app/api/v1/tickets/[reference]/messages/route.ts", "POST", "/api/v1/tickets/{reference}/messages"),
  apiRoute("src/app/api/v1/tickets/[reference]/stage/route.ts", "POST", "/api/v1/tickets/{reference}/stage"),

  page("src/app/page.tsx", "/", "public"),
  page("src/app/complaints/new/page.tsx", "/complaints/new", "public"),
  page("src/app/login/page.tsx", "/login", "public"),
  page("src/app/track/page.tsx", "/track", "public"),
  page("src/app/track/[token]/page.tsx", "/track/{token}", "token"),
  page("src/app/agent/page.tsx", "/agent", "agent"),
  page("src/app/agent/outbox/page.tsx", "/agent/outbox", "agent"),
  page("src/app/agent/search/page.tsx", "/agent/search?q=TGP-000001&scope=all", "agent"),
  page("src/app/agent/tickets/[reference]/page.tsx", "/agent/tickets/{reference}", "agent"),
  page("src/app/supervisor/page.tsx", "/supervisor", "supervisor"),
  page("src/app/supervisor/reports/page.tsx", "/supervisor/reports", "supervisor"),
  page("src/app/supervisor/register/page.tsx", "/supervisor/register", "supervisor"),
  page("src/app/supervisor/returns/page.tsx", "/supervisor/returns", "supervisor"),
  page("src/app/supervisor/quality/page.tsx", "/supervisor/quality", "supervisor"),
  page("src/app/supervisor/actions/page.tsx", "/supervisor/actions", "supervisor"),
  page("src/app/notifications/page.tsx", "/notifications", "agent"),
  page("src/app/admin/page.tsx", "/admin", "admin"),
  page("src/app/admin/staff/[id]/page.tsx", "/admin/staff/{staffId}", "admin"),
  page("src/app/admin/teams/page.tsx", "/admin/teams", "admin"),
  page("src/app/admin/macros/page.tsx", "/admin/macros", "admin"),
  page("src/app/admin/quality/page.tsx", "/admin/quality", "admin"),
  page("src/app/admin/categories/page.tsx", "/admin/categories", "admin"),
  page("src/app/admin/categories/[id]/page.tsx", "/admin/categories/{categoryId}", "admin"),
  page("src/app/admin/sla/page.tsx", "/admin/sla", "admin"),
  page("src/app/admin/calendars/page.tsx", "/admin/calendars", "admin"),
  page("src/app/admin/templates/page.tsx", "/admin/templates", "admin"),
  page("src/app/admin/templates/edit/page.tsx", "/admin/templates/edit?kind=APOLOGY&locale=id", "admin"),
  page("src/app/admin/api-tokens/page.tsx", "/admin/api-tokens", "admin"),
  page("src/app/admin/webhooks/page.tsx", "/admin/webhooks", "admin"),
  page("src/app/admin/mailboxes/page.tsx", "/admin/mailboxes", "admin"),
  page("src/app/admin/audit/page.tsx", "/admin/audit", "admin"),
];

const RANK: Record<Caller, number> = { anonymous: 0, customer: 0, agent: 1, supervisor: 2, admin: 3 };

/** Whether the gate lets this caller through (the customer holds the right link; nobody else does). */
export function allows(gate: Gate, caller: Caller): boolean {
  switch (gate) {
    case "public":
      return true;
    case "token":
      return caller === "customer";
    case "api":
      return false;
    default:
      return RANK[caller] >= RANK[gate];
  }
}

/** What a refused caller is told: by a missing session, a role too low, or a link that opens nothing. */
export function refusalFor(gate: Gate, caller: Caller): "notSignedIn" | "forbidden" | "notFound" {
  if (gate === "token") return "notFound";
  if (gate === "api") return "notSignedIn";
  return RANK[caller] === 0 ? "notSignedIn" : "forbidden";
}
