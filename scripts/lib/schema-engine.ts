// Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// The Prisma CLI's migrate commands download a native engine that our machines cannot
// reach, so CTO Tracker applies and writes migrations through this engine instead:
// one path for developers, CI and users. See docs/decisions/003-migrations-with-wasm-engine.md.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

type Bindings = {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  SchemaEngine: typeof SchemaEngine;
} & Record<string, unknown>;

// The bindings module holds one WebAssembly instance per process: instantiate it once and
// create as many engines from it as needed.
let bindingsPromise: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const pkgDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bindings =
      (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Bindings;
    const bytes = await readFile(join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bindings;
  })();
  return bindingsPromise;
}

export async function loadSchemaEngine(
  schemaPath: string,
  adapterFactory: unknown,
): Promise<SchemaEngine> {
  const bindings = await loadBindings();
  const schema = await readFile(schemaPath, 'utf8');
  const log = (message: string) => {
    if (process.env.CTO_DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  return bindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    log,
    adapterFactory as object,
  );
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ';', which breaks
 * PL/pgSQL function bodies and even comments, and applies the pieces one by one. This
 * factory sends the whole script as one simple-protocol query instead: PostgreSQL runs
 * it as a single implicit transaction, so a failing migration leaves nothing behind.
 */
class WholeScriptPg extends PrismaPg {
  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as { query: (sql: string) => Promise<unknown> };
    const toDriverError = (adapter as unknown as { onError: (e: unknown) => never }).onError.bind(
      adapter,
    );
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        toDriverError(error);
      }
    };
    return adapter;
  }
}

export function pgAdapterFactory(connectionString: string): unknown {
  return bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString }));
}
