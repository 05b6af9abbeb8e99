/**
 * What the customer says would resolve the complaint for them, chosen on the form beside the
 * desired outcome in their own words (ISO 10002 asks for the remedy the complainant wants). The
 * framework's proposal may depend on it (./resolution-proposal.ts). Optional: a customer may not know.
 */
export const CUSTOMER_ASKS = ["REFUND", "EXCHANGE", "REPAIR", "EXPLANATION", "APOLOGY", "OTHER"] as const;
export type CustomerAsk = (typeof CUSTOMER_ASKS)[number];
