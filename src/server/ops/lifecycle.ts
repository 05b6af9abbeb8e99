// Whether this process is on its way out, and the background work it must stop first. Per process
// by nature, which is what readiness means: the balancer asks each instance. Kept on globalThis
// because the server wrapper (scripts/lib/next-server.ts) sets it and Next's route handlers and
// instrumentation, bundled separately, read and register in the same process.
interface Lifecycle {
  draining: boolean;
  background: Map<string, () => Promise<void>>;
}

const KEY = Symbol.for("tanggap.lifecycle");
const store = globalThis as { [KEY]?: Lifecycle };
const state = (): Lifecycle => (store[KEY] ??= { draining: false, background: new Map() });

export const isDraining = (): boolean => state().draining;

export function markDraining(): void {
  state().draining = true;
}

/** A background loop's stop function (it resolves once the loop has released what it holds). */
export function registerBackgroundWork(name: string, stop: () => Promise<void>): () => void {
  state().background.set(name, stop);
  return () => {
    if (state().background.get(name) === stop) state().background.delete(name);
  };
}

/** Stops every registered loop and resolves once all have stopped. */
export async function stopBackgroundWork(): Promise<void> {
  await Promise.all([...state().background.values()].map((stop) => stop()));
}
