// The largest request body the app reads: above the largest form a customer may send — 15 MB of
// attachments (src/domain/attachments.ts) and the text — so an over-long field or one file too
// many still reaches validation and gets a message. Next.js enforces it on server actions
// (next.config.ts); our HTTP server (scripts/lib/next-server.ts) refuses a larger declared body
// with a 413 before reading it, where Next would answer a bare 500.
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
