export const STAGES = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"] as const;
export type Stage = (typeof STAGES)[number];

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isOpen(stage: Stage): boolean {
  return stage !== "CLOSED";
}
