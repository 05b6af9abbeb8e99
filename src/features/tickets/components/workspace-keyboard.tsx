"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { isTyping } from "@/lib/keyboard/typing";

/** The reply box's message field, which r and n go to. */
export const REPLY_BODY_ID = "reply-body";

// Controls the keys act on mark themselves with data-shortcut, so the keys press the page's own buttons
// (same gates, same forms, same messages) and never a second path to a change.
const ADVANCE = "[data-shortcut=advance]";
const ASSIGN_ME = "[data-shortcut=assign-me]";
const PANEL_TOGGLE = "[data-shortcut=stage-panel-toggle]";

const KEYS = [
  { keys: ["r"], action: "reply" },
  { keys: ["n"], action: "note" },
  { keys: ["Ctrl", "Enter"], action: "send" },
  { keys: ["m"], action: "advance" },
  { keys: ["a"], action: "assignMe" },
  { keys: ["u"], action: "queue" },
  { keys: ["Esc"], action: "leaveField" },
  { keys: ["/"], action: "search" },
  { keys: ["?"], action: "help" },
] as const;

function focusReply(visibility: "PUBLIC" | "INTERNAL"): void {
  const body = document.getElementById(REPLY_BODY_ID);
  if (!(body instanceof HTMLTextAreaElement)) return;
  const choice = body.form?.querySelector<HTMLInputElement>(`input[name=visibility][value=${visibility}]`);
  if (choice && !choice.checked) {
    choice.checked = true;
    // The reply advice listens to the form's changes: a note gets none.
    choice.dispatchEvent(new Event("change", { bubbles: true }));
  }
  body.focus();
}

/**
 * The workspace's keys, for an agent who works a ticket without the mouse: r replies, n writes an
 * internal note, Ctrl/Cmd+Enter sends the form being typed in, m moves to the next stage, a assigns
 * the ticket to oneself, u or Escape goes back to the queue, ? lists them. Single keys never fire
 * while typing in a field (Escape there leaves the field first); Ctrl/Cmd+Enter is meant for that.
 */
export function WorkspaceKeyboard({ queueHref }: { queueHref: string }) {
  const t = useTranslations("shortcuts");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // While a dialog is open (this list, or any other on the page) its own keys apply: Escape closes it.
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        const form = event.target instanceof Element ? event.target.closest("form") : null;
        if (form && form.closest("[data-workspace]")) {
          event.preventDefault();
          form.requestSubmit();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape" && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const press = (selector: string) => {
        const button = document.querySelector<HTMLButtonElement>(selector);
        if (!button) return false;
        event.preventDefault();
        button.click();
        return true;
      };
      switch (event.key) {
        case "r":
        case "n":
          event.preventDefault();
          focusReply(event.key === "r" ? "PUBLIC" : "INTERNAL");
          return;
        case "m": {
          // A folded stage panel is opened first, so a refusal's message and the field it names are seen.
          const toggle = document.querySelector<HTMLButtonElement>(PANEL_TOGGLE);
          if (toggle?.getAttribute("aria-expanded") === "false") toggle.click();
          press(ADVANCE);
          return;
        }
        case "a":
          press(ASSIGN_ME);
          return;
        case "u":
        case "Escape":
          event.preventDefault();
          router.push(queueHref);
          return;
        case "?":
          event.preventDefault();
          dialog.current?.showModal();
          return;
      }
    };
    document.addEventListener("keydown", onKeyDown);
    document.documentElement.dataset.workspaceKeys = "on"; // for tests: the keys work from here on
    return () => {
      delete document.documentElement.dataset.workspaceKeys;
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [router, queueHref]);

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-600"
        aria-keyshortcuts="?"
      >
        {t("open")} <kbd className="font-mono">?</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50"
        data-testid="shortcuts"
      >
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          {KEYS.map(({ keys, action }) => (
            <div key={action} className="contents">
              <dt>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && " + "}
                    <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
                      {key === "Ctrl" ? t("ctrl") : key}
                    </kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(`keys.${action}`)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-4 flex justify-end">
          <button
            type="submit"
            className="rounded-md bg-slate-800 px-4 py-2 font-semibold text-white hover:bg-slate-900 focus:outline-none focus:ring-2 focus:ring-teal-600"
          >
            {t("close")}
          </button>
        </form>
      </dialog>
    </>
  );
}
