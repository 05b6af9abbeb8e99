"use client";

import { useCallback, useSyncExternalStore } from "react";

// A preference of this browser only (e.g. a panel folded away): not worth a column, and it must not
// reach the server. Stored under a key that includes the staff member, so a shared desk keeps each
// person's choice. Every hook on the page hears a change at once; other tabs hear it through `storage`.
const listeners = new Set<() => void>();
// Where storage is refused (private mode, policy), the choice holds for this page only.
const fallback = new Map<string, boolean>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return fallback.get(key) ?? false;
  }
}

/** A yes/no remembered in this browser; false on the server and until the browser has read it. */
export function useRememberedFlag(key: string): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => false,
  );
  const set = useCallback(
    (next: boolean) => {
      fallback.set(key, next);
      try {
        if (next) window.localStorage.setItem(key, "1");
        else window.localStorage.removeItem(key);
      } catch {
        // Not remembered: the fallback above holds it for this page.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, set];
}
