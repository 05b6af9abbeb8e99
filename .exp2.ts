import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, mockAdapter } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as any });
bg.__wbg_set_wasm(instance.exports);
(instance.exports as any).__wbindgen_start();
const content = await readFile("/tmp/se/schema.prisma", "utf8");
function logged(): any {
  const m: any = mockAdapter("postgres");
  for (const k of Object.keys(m)) if (typeof m[k] === "function") { const f = m[k]; m[k] = (...a: any[]) => { console.log("CALL", k, JSON.stringify(a).slice(0, 300)); return f(...a); }; }
  return m;
}
const factory = { provider: "postgres", adapterName: "x", connect: async () => { console.log("connect"); return logged(); }, connectToShadowDb: async () => { console.log("shadow"); return logged(); } };
const bound = bindMigrationAwareSqlAdapterFactory(factory as any);
try {
const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", content]] }, (l: unknown) => console.log(l), bound);
const r = await engine.diff({ from: { tag: "empty" }, to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] }, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
console.log(r);
} catch (e) { console.log("ERR", e, Object.entries(e as object)); }
