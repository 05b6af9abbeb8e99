/**
 * The messages each route sends its client components, by the route file that renders the
 * ClientMessages provider (src/i18n/client-messages.tsx). A namespace ("queue") or a part of one
 * ("protocol.apologyCheck"). client-messages.test.ts follows each route's imports to its client
 * components and checks its list holds every message they read, and nothing they do not.
 * The admin area is not listed: its layout sends every message to its many forms.
 */
export type MessagePaths = readonly string[];

/** What the root layout's own client components (the header's) read: sent with every page. */
export const EVERY_PAGE: MessagePaths = [];

// The attachment field checks files in the browser and says what is wrong with them.
const ATTACHMENT_FIELD = [
  "attachments",
  "errors.attachmentEmpty",
  "errors.attachmentTooLarge",
  "errors.attachmentTooMany",
  "errors.attachmentTotalTooLarge",
  "errors.attachmentWrongType",
  "errors.attachmentsChooseAgain",
  "errors.attachmentsChooseAgainWithout",
  "errors.attachmentsMore",
] as const;

/** src/app/agent/page.tsx */
export const QUEUE_PAGE: MessagePaths = ["queue", "bulk"];

/** src/app/agent/tickets/[reference]/page.tsx */
export const WORKSPACE_PAGE: MessagePaths = [
  ...ATTACHMENT_FIELD,
  "workspace",
  "ticket",
  "protocol.gates",
  "protocol.apologyCheck",
  "complaintForm",
  "customFields",
  "customerAsks",
  "deadline",
  "escalation",
  "external",
  "letters",
  "macros",
  "merge",
  "outcome",
  "regulation",
  "shortcuts",
  "vulnerability",
];

/** src/app/complaints/new/page.tsx */
export const COMPLAINT_PAGE: MessagePaths = [...ATTACHMENT_FIELD, "complaintForm", "customFields", "customerAsks", "honeypot"];

/** src/app/track/page.tsx and src/app/track/[token]/page.tsx */
export const TRACKING_PAGE: MessagePaths = [...ATTACHMENT_FIELD, "track", "honeypot"];

/** src/app/login/page.tsx */
export const LOGIN_PAGE: MessagePaths = ["login"];

/** src/app/notifications/page.tsx */
export const NOTIFICATIONS_PAGE: MessagePaths = ["notifications"];

/** src/app/supervisor/page.tsx */
// The board is rendered on the server; only its refresh line runs in the browser, and the provider
// sends its messages with every refresh.
export const SUPERVISOR_BOARD: MessagePaths = ["board.liveUpdated"];

/** src/app/supervisor/actions/page.tsx */
export const ROOT_CAUSE_ACTIONS_PAGE: MessagePaths = ["rootCauseActions", "workspace"];

/** src/app/supervisor/quality/page.tsx */
export const QUALITY_PAGE: MessagePaths = ["quality"];
