// Lets a plain Node process import the app's server modules: `server-only` is an empty module inside
// Next's server bundle (its react-server export); outside it, it throws. The vitest config does the
// same with an alias. Registered by bench/lib/server-only-register.mjs.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}
