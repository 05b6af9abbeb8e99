// What an API token may do. Each scope is checked by the route that needs it; the token also acts
// as the staff member who created it, so their role still bounds what the protocol lets them do.
export const API_SCOPES = ["tickets:read", "tickets:write", "tickets:move"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_PURPOSE: Record<ApiScope, string> = {
  "tickets:read": "Read one ticket and list and filter the queue.",
  "tickets:write": "Create tickets and add messages (public replies or internal notes).",
  "tickets:move": "Move a ticket to its next stage, through the same gates as the agent's workspace.",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
