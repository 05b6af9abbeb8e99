const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/**
 * Whether a key pressed on this element is the person typing (text fields, text areas, selects,
 * editable content), so single-letter shortcuts must leave it alone. One rule for every page's keys.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}
