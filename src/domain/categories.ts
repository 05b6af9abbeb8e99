// The kinds of complaint the public form offers; each has its own framework of answers.
export const CATEGORY_CODES = ["PRODUCT_RETURN", "SERVICE_PROBLEM", "PAYMENT_PROBLEM", "OTHER"] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];
