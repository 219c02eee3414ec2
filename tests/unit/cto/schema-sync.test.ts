/**
 * lib/cto and the Prisma schema share names: the order states, the roles and the event types
 * (CtoEventType). This keeps them in step. (Reads prisma/schema.prisma as text; no Prisma client.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { EVENT_TYPES, ORDER_STATES, ROLES } from '@/lib/cto';

const schema = readFileSync(
  fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url)),
  'utf8',
);

function enumValues(name: string): string[] {
  const match = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (!match?.[1]) throw new Error(`enum ${name} not found in prisma/schema.prisma`);
  return match[1]
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter((line) => /^[A-Z0-9_]+$/.test(line));
}

// Events lib/cto has that the schema may not list yet (tell the lead when adding one).
const NOT_YET_IN_SCHEMA = new Set([
  'FURNISH_CTO8',
  'TRIBUNAL_CASE_OPENED',
  'TRIBUNAL_HEARING_HELD',
]);

describe('lib/cto names match prisma/schema.prisma', () => {
  it('order states are exactly the CtoState enum', () => {
    expect([...ORDER_STATES].sort()).toEqual(enumValues('CtoState').sort());
  });

  it('roles are exactly the Role enum', () => {
    expect([...ROLES].sort()).toEqual(enumValues('Role').sort());
  });

  it('every lifecycle event is a CtoEventType value (except the listed new ones)', () => {
    const inSchema = new Set(enumValues('CtoEventType'));
    const missing = EVENT_TYPES.filter(
      (type) => !inSchema.has(type) && !NOT_YET_IN_SCHEMA.has(type),
    );
    expect(missing).toEqual([]);
  });
});
