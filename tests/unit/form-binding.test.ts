// The binding from a form's state to its fields (components/forms/bind.ts): ids, names,
// errors, kept values and the error summary's order.
import { describe, expect, it } from 'vitest';
import { bindForm, fieldId } from '@/components/forms/bind';
import type { FormState } from '@/lib/schemas/form-state';

const refused: FormState = {
  ok: false,
  message: 'There is a problem',
  fieldErrors: {
    notes: 'Notes must be 2000 characters or fewer',
    'detention.date': 'Enter the date the patient was detained',
    'detention.time': 'Enter the time in 24-hour format, like 14:30',
    'conditions.1.purpose': 'Select what the condition is for',
    'criteria.a': 'Answer criterion (a)',
    necessaryFor: 'Select at least one',
  },
  values: {
    notes: 'x'.repeat(3),
    how: 'TAKEN_INTO_CUSTODY',
    'detention.date.day': '7',
    'detention.date.month': '',
    'detention.date.year': '2026',
    'detention.time': '25:00',
    'examinedOn.day': '05',
    'examinedOn.month': '3',
    'examinedOn.year': '2026',
    'conditions.1.purpose': '',
    'conditions.1.wording': 'Live at the address',
    necessaryFor: ['HEALTH', 'SAFETY'],
    confirm: 'yes',
  },
};

describe('bindForm', () => {
  it('derives the id and name from the field name, dots as hyphens, with a prefix', () => {
    expect(fieldId('criteria.a.met')).toBe('criteria-a-met');
    expect(fieldId('notes', 'vary')).toBe('vary-notes');
    const f = bindForm(refused, { idPrefix: 'end' });
    expect(f.text('notes')).toMatchObject({ id: 'end-notes', name: 'notes' });
    expect(f.text('notes', { id: 'own' }).id).toBe('own');
  });

  it('gives a text field its error and the value sent', () => {
    const f = bindForm(refused);
    expect(f.text('notes')).toEqual({
      id: 'notes',
      name: 'notes',
      error: 'Notes must be 2000 characters or fewer',
      defaultValue: 'xxx',
    });
    expect(f.radios('how')).toEqual({ id: 'how', name: 'how', defaultValue: 'TAKEN_INTO_CUSTODY' });
  });

  it('keeps a date as typed, and a date and time by their nested names', () => {
    const f = bindForm(refused);
    expect(f.date('examinedOn')).toEqual({
      id: 'examinedOn',
      name: 'examinedOn',
      defaultValue: '2026-3-05',
    });
    expect(f.dateTime('detention')).toEqual({
      id: 'detention',
      name: 'detention',
      dateError: 'Enter the date the patient was detained',
      timeError: 'Enter the time in 24-hour format, like 14:30',
      defaultDate: '2026--7',
      defaultTime: '25:00',
    });
  });

  it('reads indexed rows from where the state has them, named as submitted', () => {
    const f = bindForm(refused);
    const purpose = f.radios('conditions.0.purpose', {
      from: 'conditions.1.purpose',
      id: 'conditions-1-purpose',
    });
    expect(purpose).toEqual({
      id: 'conditions-1-purpose',
      name: 'conditions.0.purpose',
      error: 'Select what the condition is for',
      defaultValue: '',
    });
    expect(f.text('conditions.0.wording', { from: 'conditions.1.wording' }).defaultValue).toBe(
      'Live at the address',
    );
  });

  it('keeps ticked boxes, one or many', () => {
    const f = bindForm(refused);
    expect(f.checkboxes('necessaryFor')).toEqual({
      id: 'necessaryFor',
      name: 'necessaryFor',
      error: 'Select at least one',
      defaultValues: ['HEALTH', 'SAFETY'],
    });
    expect(f.checkboxes('confirm').defaultValues).toEqual(['yes']);
    expect(f.checkboxes('other').defaultValues).toBeUndefined();
  });

  it('shows a group error at the field that answers it', () => {
    const f = bindForm(refused);
    expect(f.radios('criteria.a.met', { also: ['criteria.a'] }).error).toBe('Answer criterion (a)');
  });

  it('starts a fresh form from the initial values, and a refused one from what was sent', () => {
    const fresh = bindForm({});
    expect(fresh.select('certificateId', { initial: 'c1' }).defaultValue).toBe('c1');
    expect(fresh.date('givenOn', { initial: '2026-12-07' }).defaultValue).toBe('2026-12-07');
    expect(fresh.dateTime('at', { initial: { date: '2026-12-07', time: '09:30' } })).toMatchObject({
      defaultDate: '2026-12-07',
      defaultTime: '09:30',
    });
    expect(fresh.text('notes')).toEqual({ id: 'notes', name: 'notes' });
    const f = bindForm(refused);
    expect(f.text('notes', { initial: 'not this' }).defaultValue).toBe('xxx');
    expect(f.date('examinedOn', { initial: '2000-01-01' }).defaultValue).toBe('2026-3-05');
  });

  it('lists summary links in the order the fields are bound, each key once', () => {
    const f = bindForm(refused, { idPrefix: 'p' });
    f.dateTime('detention');
    f.checkboxes('necessaryFor');
    f.radios('criteria.a.met', { also: ['criteria.a'] });
    f.nested([['social.summary', 'social-summary']]);
    f.link('conditions', 'add-condition');
    f.text('notes');
    f.date('examinedOn');
    f.text('notes');
    expect(f.links).toEqual([
      ['detention.date', 'p-detention-date-day'],
      ['detention', 'p-detention-date-day'],
      ['detention.time', 'p-detention-time'],
      ['necessaryFor', 'p-necessaryFor-option'],
      ['criteria.a.met', 'p-criteria-a-met-option'],
      ['criteria.a', 'p-criteria-a-met-option'],
      ['social.summary', 'social-summary'],
      ['conditions', 'add-condition'],
      ['notes', 'p-notes'],
      ['examinedOn', 'p-examinedOn-day'],
    ]);
  });

  it('types names from the schema input: a misspelt name fails typecheck', () => {
    type Input = { at: { date: { day: string }; time: string }; notes?: string; rows: unknown };
    const f = bindForm<Input>({});
    expect(f.dateTime('at').name).toBe('at');
    expect(f.text('at.time').name).toBe('at.time');
    expect(f.text('rows.0.text').name).toBe('rows.0.text');
    // @ts-expect-error: not a field of the schema
    expect(f.text('nots').name).toBe('nots');
  });
});
