// formToObject is the one decoder of every submitted form (issue 12 §1): a field named
// `__proto__.x` used to write to the server's shared Object.prototype, which broke every page
// for every user until a restart. These tests post the hostile names and check that nothing
// outside the returned object changed.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formToObject, MAX_FORM_INDEX } from '@/lib/schemas/common';
import { recordContactSchema } from '@/lib/schemas/contact';
import { proposeOrderSchema } from '@/lib/schemas/orders/making';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const HOSTILE_NAMES = [
  '__proto__.x',
  '__proto__.polluted',
  'constructor.prototype.x',
  'a.__proto__.x',
  'a.b.__proto__.x',
  'prototype.x',
  'a.constructor.prototype.x',
  '__proto__[]',
  'a.__proto__[]',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf.x',
];

function prototypeSnapshot() {
  return {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    fn: Object.getOwnPropertyNames(Function.prototype).sort(),
  };
}

const clean = prototypeSnapshot();

afterEach(() => {
  // If a test polluted the prototype, undo it so the rest of the run is not poisoned, but the
  // assertion inside the test has already failed.
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!clean.object.includes(name)) Reflect.deleteProperty(Object.prototype, name);
  }
});

describe('formToObject', () => {
  it('builds nested objects, arrays and skips files and $ACTION fields', () => {
    const data = form([
      ['occurredAt.date.day', '3'],
      ['occurredAt.date.month', '4'],
      ['roles[]', 'A'],
      ['roles[]', 'B'],
      ['activities.0.kind', 'MEDICATION'],
      ['$ACTION_ID_abc', ''],
    ]);
    data.append('file', new Blob(['x']), 'x.txt');
    expect(formToObject(data)).toEqual({
      occurredAt: { date: { day: '3', month: '4' } },
      roles: ['A', 'B'],
      activities: { '0': { kind: 'MEDICATION' } },
    });
  });

  it.each(HOSTILE_NAMES)('leaves Object.prototype untouched for a field named %s', (name) => {
    const result = formToObject(
      form([
        [name, '1'],
        ['summary', 'kept'],
      ]),
    );
    expect(prototypeSnapshot()).toEqual(clean);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof {}.toString).toBe('function');
    expect(result.summary).toBe('kept');
    // The hostile segment is refused (dropped), never stored as an own key either.
    for (const segment of ['__proto__', 'constructor', 'prototype']) {
      expect(Object.hasOwn(result, segment)).toBe(false);
      const a = result.a;
      if (a && typeof a === 'object') expect(Object.hasOwn(a, segment)).toBe(false);
    }
  });

  it('returns objects without a prototype, so inherited names read as missing', () => {
    const result = formToObject(form([['a.b', '1']]));
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(Object.getPrototypeOf(result.a)).toBeNull();
    expect(result.toString).toBeUndefined();
    expect(result.constructor).toBeUndefined();
  });

  it('drops indices above the cap, so no field makes a huge list', () => {
    const result = formToObject(
      form([
        ['activities.99999999.kind', 'MEDICATION'],
        [`activities.${MAX_FORM_INDEX + 1}.kind`, 'MEDICATION'],
        ['activities.00000000001.kind', 'MEDICATION'],
        [`activities.${MAX_FORM_INDEX}.kind`, 'MEDICATION'],
      ]),
    );
    expect(Object.keys(result.activities as object)).toEqual([String(MAX_FORM_INDEX)]);
  });

  it('drops names with empty segments or absurd depth', () => {
    const deep = Array.from({ length: 50 }, (_, i) => `l${i}`).join('.');
    const result = formToObject(
      form([
        ['a..b', '1'],
        ['.x', '1'],
        [deep, '1'],
        ['ok', '1'],
      ]),
    );
    expect(Object.keys(result)).toEqual(['ok']);
  });

  it('reads many repeated fields in linear time', () => {
    const data = new FormData();
    for (let i = 0; i < 100_000; i += 1) data.append('roles[]', 'x');
    const started = performance.now();
    const result = formToObject(data);
    expect((result.roles as string[]).length).toBe(100_000);
    // Spreading the list on every field took tens of seconds; pushing takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('is read by the schemas as a plain object would be', () => {
    const parsed = recordContactSchema.safeParse(
      formToObject(
        form([
          ['__proto__.mode', 'FACE_TO_FACE'],
          ['occurredAt.date.day', '1'],
          ['occurredAt.date.month', '2'],
          ['occurredAt.date.year', '2026'],
          ['occurredAt.time', '10:00'],
          ['mode', 'TELEPHONE'],
          ['withCarer', 'no'],
          ['summary', 'Seen at home'],
        ]),
      ),
    );
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.success && parsed.data.mode).toBe('TELEPHONE');
    expect(prototypeSnapshot()).toEqual(clean);
    // A schema's refusal of a prototype-less object reads as usual.
    const refused = proposeOrderSchema.safeParse(formToObject(form([['__proto__.x', '1']])));
    expect(refused.success).toBe(false);
  });

  it('never changes a prototype, whatever the field names (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', '0', '99999999', 'a', 'toString'),
      fc.string({ maxLength: 6 }),
    );
    const name = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([parts, array]) => `${parts.join('.')}${array ? '[]' : ''}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string()), { maxLength: 12 }), (entries) => {
        const result = formToObject(form(entries));
        expect(prototypeSnapshot()).toEqual(clean);
        expect(({} as Record<string, unknown>).x).toBeUndefined();
        expect(Object.getPrototypeOf(result)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
