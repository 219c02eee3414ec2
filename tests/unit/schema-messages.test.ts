// No raw zod message ever reaches a user: every choice (enum, literal), id (uuid), e-mail and
// number inside the schemas in lib/schemas answers an invalid value with plain English, never
// zod's own "Invalid option: expected one of ...". The schemas are walked, not listed, so a new
// enum without a message fails here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formToObject } from '@/lib/schemas/common';
import { recordContactSchema } from '@/lib/schemas/contact';
import { varyConditionsSchema } from '@/lib/schemas/orders/conditions';
import { zodFieldErrors } from '@/lib/server/services/run-service';

const ROOT = join(process.cwd(), 'lib/schemas');

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return schemaFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Def = Record<string, any>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The leaves a person chooses or types whose own message zod would otherwise write. */
interface Leaf {
  path: string;
  schema: z.ZodType;
  invalid: unknown;
}

function leaves(schema: z.ZodType, path: string, seen: Set<z.ZodType>, out: Leaf[]): Leaf[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>))
        leaves(child, `${path}.${key}`, seen, out);
      if (def.catchall) leaves(def.catchall as z.ZodType, `${path}.*`, seen, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      leaves(def.innerType as z.ZodType, path, seen, out);
      break;
    case 'pipe':
      leaves(def.in as z.ZodType, path, seen, out);
      leaves(def.out as z.ZodType, path, seen, out);
      break;
    case 'array':
      leaves(def.element as z.ZodType, `${path}[]`, seen, out);
      break;
    case 'record':
      leaves(def.valueType as z.ZodType, `${path}.*`, seen, out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) leaves(option, path, seen, out);
      break;
    case 'intersection':
      leaves(def.left as z.ZodType, path, seen, out);
      leaves(def.right as z.ZodType, path, seen, out);
      break;
    case 'lazy':
      leaves(def.getter() as z.ZodType, path, seen, out);
      break;
    case 'enum':
    case 'literal':
      out.push({ path, schema, invalid: 'not-one-of-the-choices' });
      break;
    case 'string':
      if (def.format) out.push({ path, schema, invalid: 'not a valid value' });
      break;
    case 'number':
      out.push({ path, schema, invalid: 'not a number' });
      break;
    default:
      break;
  }
  return out;
}

const RAW = /expected one of|Invalid|expected [a-z]+, received/;

async function allSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const found: { name: string; schema: z.ZodType }[] = [];
  for (const file of schemaFiles(ROOT)) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (value instanceof z.ZodType)
        found.push({ name: `${relative(ROOT, file)}:${name}`, schema: value });
    }
  }
  return found;
}

describe('messages of the schemas in lib/schemas', () => {
  it('finds the schemas and their enums (the walk reaches them)', async () => {
    const schemas = await allSchemas();
    expect(schemas.length).toBeGreaterThan(20);
    const enums = schemas.flatMap(({ name, schema }) =>
      leaves(schema, name, new Set(), []).filter((l) => defOf(l.schema).type === 'enum'),
    );
    expect(enums.length).toBeGreaterThan(20);
    expect(enums.some((l) => l.path.includes('conditions.ts:varyConditionsSchema.category'))).toBe(
      true,
    );
  });

  it('answers an invalid choice, id or number with plain English', async () => {
    const raw: string[] = [];
    for (const { name, schema } of await allSchemas()) {
      for (const leaf of leaves(schema, name, new Set(), [])) {
        for (const invalid of [leaf.invalid, '', 42, null]) {
          const result = leaf.schema.safeParse(invalid);
          if (result.success) continue;
          for (const issue of result.error.issues)
            if (RAW.test(issue.message))
              raw.push(`${leaf.path} (${JSON.stringify(invalid)}): ${issue.message}`);
        }
      }
    }
    expect(raw).toEqual([]);
  });
});

describe('varyConditionsSchema: the kind of condition', () => {
  const ORDER = '7b0b6c1e-3d1f-4b7a-9c55-1a2b3c4d5e6f';
  const CONDITION = '0d4a4d8e-8a5e-4f0e-b1de-6f7a8b9c0d1e';
  function form(fields: Record<string, string>): Record<string, unknown> {
    const data = new FormData();
    data.set('orderId', ORDER);
    data.set('expectedVersion', '3');
    data.set('idempotencyKey', 'key-12345678');
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return formToObject(data);
  }

  it('is not asked when the wording changes (the select is left blank)', () => {
    const result = varyConditionsSchema.safeParse(
      form({
        change: 'VARY',
        conditionId: CONDITION,
        category: '',
        wording: 'To live at 1 New Street.',
        purpose: 'ENSURE_TREATMENT',
        reasons: 'Moved house.',
      }),
    );
    expect(result.success).toBe(true);
    expect(result.data?.category).toBeUndefined();
  });

  it('is asked, in plain English, when a condition is added', () => {
    const result = varyConditionsSchema.safeParse(
      form({
        change: 'ADD',
        conditionId: '',
        category: '',
        wording: 'To attend the clinic.',
        purpose: 'ENSURE_TREATMENT',
        reasons: 'Needed.',
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['category', 'Choose the kind of condition'],
    ]);
  });

  it('answers a value not in the list with the same message', () => {
    const result = varyConditionsSchema.safeParse(
      form({
        change: 'ADD',
        category: 'NOT_A_KIND',
        wording: 'To attend the clinic.',
        purpose: 'SOMETHING_ELSE',
        reasons: 'Needed.',
      }),
    );
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['category', 'Choose the kind of condition'],
      ['purpose', 'Choose what the condition is for (section 17B(2))'],
    ]);
  });
});

describe('recordContactSchema: care activity rows', () => {
  function contact(rows: [kind: string, description: string][]) {
    const form = new FormData();
    form.set('occurredAt.date.day', '3');
    form.set('occurredAt.date.month', '4');
    form.set('occurredAt.date.year', '2026');
    form.set('occurredAt.time', '14:30');
    form.set('mode', 'HOME_VISIT');
    form.set('withCarer', 'no');
    form.set('summary', 'Seen at home.');
    rows.forEach(([kind, description], i) => {
      form.set(`activities.${i}.kind`, kind);
      form.set(`activities.${i}.description`, description);
    });
    return formToObject(form);
  }

  it('reports an error at the row the person filled, after an empty row', () => {
    const result = recordContactSchema.safeParse(
      contact([
        ['', ''],
        ['', 'Helped with the housing benefit form'],
        ['', ''],
      ]),
    );
    expect(result.success).toBe(false);
    expect(result.success ? {} : zodFieldErrors(result.error)).toEqual({
      'activities.1.kind': 'Select the kind of care activity',
    });
  });

  it('still drops the empty rows from what it saves', () => {
    const result = recordContactSchema.parse(
      contact([
        ['', ''],
        ['', ''],
        ['SOCIAL_ACTIVITY', 'Allotment group'],
      ]),
    );
    expect(result.activities).toEqual([
      { kind: 'SOCIAL_ACTIVITY', description: 'Allotment group' },
    ]);
  });
});
