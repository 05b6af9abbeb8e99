"use client";

import { useId, useRef, useState } from "react";
import { firstUnfilledPlaceholder, type RenderedTemplate, type TemplateKind } from "@/domain/templates";

interface TemplatePickerProps {
  templates: RenderedTemplate[];
  /** The id of the `<textarea>` a chosen template is written into. */
  targetId: string;
  /** The select's visible label, translated by the caller ("Insert a template"). */
  label: string;
  /** Each kind's name, translated by the caller. */
  kindLabels: Record<TemplateKind, string>;
}

/**
 * Writes the chosen template into the message box, replacing what is there, and puts the caret
 * on the first placeholder still to fill, so the agent starts where the template needs them.
 * By keyboard: arrows browse the templates, Enter inserts the one shown.
 */
export function TemplatePicker({ templates, targetId, label, kindLabels }: TemplatePickerProps) {
  const id = useId();
  // Arrow keys on a closed select change its value at once (Chromium, Firefox), and writing a template
  // on that change would wipe the agent's draft and pull focus away on the first keystroke. A choice
  // made by keyboard is only shown, and Enter inserts it; a choice from the open list inserts at once.
  const [browsed, setBrowsed] = useState("");
  const keyboardBrowsing = useRef(false);
  if (templates.length === 0) return null;

  const insert = (value: string) => {
    setBrowsed("");
    const template = templates[Number(value)];
    if (value !== "" && template) writeIntoTextarea(targetId, template.body);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        // Back to the prompt after each insertion, so the same template can be inserted again.
        value={browsed}
        onKeyDown={(event) => {
          if (event.key === "Enter" && browsed !== "") {
            event.preventDefault();
            insert(browsed);
            return;
          }
          keyboardBrowsing.current = !["Enter", " ", "Tab", "Escape"].includes(event.key);
        }}
        onKeyUp={() => {
          keyboardBrowsing.current = false;
        }}
        onChange={(event) => {
          if (keyboardBrowsing.current) setBrowsed(event.target.value);
          else insert(event.target.value);
        }}
        onBlur={() => setBrowsed("")}
        aria-controls={targetId}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 sm:w-auto"
      >
        <option value="" disabled>
          —
        </option>
        {templates.map((template, index) => (
          <option key={`${template.kind}-${index}`} value={index}>
            {kindLabels[template.kind]}
          </option>
        ))}
      </select>
    </div>
  );
}

function writeIntoTextarea(targetId: string, text: string): void {
  const textarea = document.getElementById(targetId);
  if (!(textarea instanceof HTMLTextAreaElement)) return;
  // React remembers the value it last saw on the element and ignores an input event that does not
  // change it; assigning through the prototype's setter bypasses that record, so a controlled
  // textarea's onChange fires (an uncontrolled one simply keeps the new value).
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
  if (setValue) setValue.call(textarea, text);
  else textarea.value = text;
  textarea.dispatchEvent(new Event("input", { bubbles: true }));

  textarea.focus();
  // Read back: a controlled form may have normalised what it was given.
  const value = textarea.value;
  const placeholder = firstUnfilledPlaceholder(value);
  // The placeholder is selected, so typing replaces it; with none left, the caret goes to the end.
  if (placeholder) textarea.setSelectionRange(placeholder.start, placeholder.end);
  else textarea.setSelectionRange(value.length, value.length);
}
