"use client";

/**
 * A secret shown the only time it exists in clear (a new API token, a webhook's signing key):
 * it stays on screen until the admin says they have copied it.
 */
export function SecretOnce({
  id,
  title,
  explanation,
  secret,
  testId,
  doneLabel,
  onDone,
}: {
  id: string;
  title: string;
  explanation: string;
  secret: string;
  testId: string;
  doneLabel: string;
  onDone: () => void;
}) {
  return (
    <section aria-labelledby={id} role="status" className="flex flex-col gap-3 rounded-lg border border-teal-300 bg-teal-50 p-4">
      <h3 id={id} className="font-semibold text-teal-900">
        {title}
      </h3>
      <p>{explanation}</p>
      <code data-testid={testId} className="block break-all rounded bg-white p-2 font-mono text-sm">
        {secret}
      </code>
      <button type="button" onClick={onDone} className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5">
        {doneLabel}
      </button>
    </section>
  );
}
