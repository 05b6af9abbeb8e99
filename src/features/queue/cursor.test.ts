import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type QueueCursor } from "./cursor";

describe("queue cursor", () => {
  it("round-trips a position with or without a deadline, in either direction", () => {
    const cursors: QueueCursor[] = [
      { dueAt: new Date("2026-11-24T03:04:05.678Z"), number: 123, direction: "next" },
      { dueAt: null, number: 2_147_483_647, direction: "prev" },
    ];
    for (const cursor of cursors) {
      const token = encodeCursor(cursor);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(token)).toEqual(cursor);
    }
  });

  it("is null for anything else", () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const token of [
      "",
      "not a cursor",
      "x".repeat(300),
      b64({ d: "yesterday", n: 1, r: "n" }),
      b64({ d: null, n: 1.5, r: "n" }),
      b64({ d: null, n: 1, r: "sideways" }),
      b64([1, 2]),
    ]) {
      expect(decodeCursor(token), token).toBeNull();
    }
  });
});
