"use client";

import { useEffect } from "react";
import { isTyping } from "@/lib/keyboard/typing";

export const STAFF_SEARCH_ID = "staff-search";

/**
 * The one search box of the staff pages, in the navigation: / anywhere (but in a field) goes to it,
 * Escape leaves it. A plain GET form, so it works before hydration and the results have a URL.
 */
export function StaffSearchBox({ label, placeholder, hint, submit }: { label: string; placeholder: string; hint: string; submit: string }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const search = document.getElementById(STAFF_SEARCH_ID);
      if (!(search instanceof HTMLInputElement)) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape" && event.target === search) search.blur();
        return;
      }
      if (event.key === "/") {
        event.preventDefault();
        search.focus();
        search.select();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    document.documentElement.dataset.searchKey = "on"; // for tests: / works from here on
    return () => {
      delete document.documentElement.dataset.searchKey;
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  return (
    <form action="/agent/search" method="get" role="search" aria-label={label} className="flex items-center gap-1">
      <label htmlFor={STAFF_SEARCH_ID} className="sr-only">
        {label}
      </label>
      <input
        id={STAFF_SEARCH_ID}
        type="search"
        name="q"
        required
        maxLength={200}
        placeholder={placeholder}
        aria-describedby="staff-search-hint"
        autoComplete="off"
        className="w-44 rounded border border-slate-300 px-2 py-1 text-sm focus:w-64 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      />
      <span id="staff-search-hint" className="sr-only">
        {hint}
      </span>
      <button type="submit" className="sr-only focus:not-sr-only rounded border border-slate-300 px-2 py-1 text-sm">
        {submit}
      </button>
    </form>
  );
}
