"use client";

import { useEffect, useRef } from "react";
import { isTyping } from "@/lib/keyboard/typing";

const ROW = "tr[data-queue-row]";
const LINK = "a[data-queue-link]";
const SELECT = "input[data-queue-select]";

/**
 * Keyboard use of a list of tickets (the queue, search results), as in a mail client: j and k move the
 * selection between rows, x ticks the selected row for a bulk change, Enter opens the selected ticket (/ is the staff search box's own key, on
 * every page). The selection is real focus on the row's ticket link, so screen readers announce it
 * and Enter is the link's own; the table stays a table. Keys typed into a field are left alone.
 */
export function QueueKeyboard({ children }: { children: React.ReactNode }) {
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = root.current;
    if (!container) return;
    let selected: HTMLTableRowElement | null = null;

    const select = (row: HTMLTableRowElement | null, focus: boolean) => {
      if (!row) return;
      if (selected && selected !== row) selected.removeAttribute("data-selected");
      row.setAttribute("data-selected", "true");
      selected = row;
      if (focus) row.querySelector<HTMLAnchorElement>(LINK)?.focus();
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTyping(event.target)) return;
      const rows = Array.from(container.querySelectorAll<HTMLTableRowElement>(ROW));
      if (rows.length === 0) return;
      if (selected && !rows.includes(selected)) selected = null; // the rows were replaced (a new page)
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const at = selected ? rows.indexOf(selected) : -1;
        const next = at === -1 ? 0 : event.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
        select(rows[next] ?? null, true);
        return;
      }
      if (event.key === "x" && selected) {
        event.preventDefault();
        const box = selected.querySelector<HTMLInputElement>(SELECT);
        if (box) box.checked = !box.checked;
        return;
      }
      // On the link itself Enter already follows it; elsewhere (e.g. after a click on the page) it opens the selection.
      if (event.key === "Enter" && selected && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        selected.querySelector<HTMLAnchorElement>(LINK)?.click();
      }
    };

    // Tabbing or clicking into a row moves the selection there too, so j and k continue from it.
    const onFocusIn = (event: FocusEvent) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLTableRowElement>(ROW) : null;
      if (row) select(row, false);
    };

    document.addEventListener("keydown", onKeyDown);
    container.addEventListener("focusin", onFocusIn);
    container.dataset.keys = "on"; // for tests: the keys work from here on
    return () => {
      delete container.dataset.keys;
      document.removeEventListener("keydown", onKeyDown);
      container.removeEventListener("focusin", onFocusIn);
    };
  }, []);

  return <div ref={root}>{children}</div>;
}
