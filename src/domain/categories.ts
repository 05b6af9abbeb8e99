// The kinds of complaint every installation starts with; each has its own framework of answers.
// Admins add more, so a code is checked against the database, and here only for its shape.
export const CATEGORY_CODES = ["PRODUCT_RETURN", "SERVICE_PROBLEM", "PAYMENT_PROBLEM", "OTHER"] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** Stable keys for code and the API: capitals, digits and underscores, starting with a letter. */
export const CATEGORY_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
