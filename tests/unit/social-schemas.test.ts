// The schemas shared by the social factors fieldset, the contact and quality-of-life forms and
// their services: names as the forms send them, messages as users read them.
import { describe, expect, it } from 'vitest';
import { formToObject } from '@/lib/schemas/common';
import {
  SOCIAL_DOMAINS,
  socialFactorsSchema,
  socialFieldName,
  socialFormValues,
  socialRatingRows,
  socialReviewSchema,
} from '@/lib/schemas/social-factors';
import { recordContactSchema } from '@/lib/schemas/contact';
import { recordQualityOfLifeSchema } from '@/lib/schemas/quality-of-life';
import { socialFactorErrorFields } from '@/lib/ui/social-labels';
import { zodFieldErrors } from '@/lib/server/services/run-service';

function fullForm(): FormData {
  const form = new FormData();
  for (const domain of SOCIAL_DOMAINS) {
    form.set(socialFieldName(domain, 'rating'), 'NO_CONCERN');
    form.set(socialFieldName(domain, 'significance'), 'NOT_RELEVANT');
    form.set(socialFieldName(domain, 'notes'), '');
  }
  return form;
}

describe('socialFactorsSchema', () => {
  it('reads the fieldset’s dotted names into one entry per domain', () => {
    const form = fullForm();
    form.set('social.ACCOMMODATION.rating', 'SERIOUS_CONCERN');
    form.set('social.ACCOMMODATION.significance', 'MAJOR');
    form.set('social.ACCOMMODATION.notes', '  Eviction notice served  ');
    form.set('social.summary', 'Housing drove the decision.');
    const parsed = socialFactorsSchema.parse(formToObject(form).social);
    expect(parsed.ACCOMMODATION).toEqual({
      rating: 'SERIOUS_CONCERN',
      significance: 'MAJOR',
      notes: 'Eviction notice served',
    });
    expect(parsed.ISOLATION.notes).toBeUndefined();
    expect(parsed.summary).toBe('Housing drove the decision.');
    const rows = socialRatingRows(parsed);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual({
      domain: 'ACCOMMODATION',
      rating: 'SERIOUS_CONCERN',
      significance: 'MAJOR',
      notes: 'Eviction notice served',
    });
  });

  it('gives every missing answer its own message, even when nothing was sent', () => {
    const result = socialFactorsSchema.safeParse(undefined);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = zodFieldErrors(result.error);
    expect(Object.keys(errors)).toHaveLength(22);
    expect(errors['ACCOMMODATION.rating']).toBe("Select how the patient's accommodation is");
    expect(errors['ACCOMMODATION.significance']).toBe(
      'Select how significant accommodation was in this decision',
    );
  });

  it('composes into a decision’s schema with errors named as the fields are', () => {
    const result = socialReviewSchema.safeParse({
      assessedOn: { day: '1', month: '4', year: '2026' },
      social: { ACCOMMODATION: { rating: 'GOOD' } },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = zodFieldErrors(result.error);
    expect(errors['social.ACCOMMODATION.rating']).toBe("Select how the patient's accommodation is");
    // Every error the server can send has a place in the error summary.
    const known = new Set(socialFactorErrorFields().map(([name]) => name));
    for (const name of Object.keys(errors)) expect(known.has(name), name).toBe(true);
  });

  it('refuses notes over 2000 characters', () => {
    const form = fullForm();
    form.set('social.CARER_INVOLVEMENT.notes', 'a'.repeat(2001));
    const result = socialFactorsSchema.safeParse(formToObject(form).social);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error)['CARER_INVOLVEMENT.notes']).toBe(
      'Notes about carer involvement must be 2000 characters or fewer',
    );
  });

  it('keeps the social values of a submitted form to show again', () => {
    const form = fullForm();
    form.set('reasons', 'not mine');
    const values = socialFormValues(form);
    expect(values['social.ACCOMMODATION.rating']).toBe('NO_CONCERN');
    expect(values.reasons).toBeUndefined();
  });
});

describe('recordContactSchema', () => {
  it('reads activity rows and drops the empty ones', () => {
    const form = new FormData();
    form.set('occurredAt.date.day', '3');
    form.set('occurredAt.date.month', '4');
    form.set('occurredAt.date.year', '2026');
    form.set('occurredAt.time', '14:30');
    form.set('mode', 'HOME_VISIT');
    form.set('durationMinutes', '');
    form.set('withCarer', 'yes');
    form.set('summary', 'Seen at home.');
    form.set('activities.0.kind', '');
    form.set('activities.0.description', '');
    form.set('activities.1.kind', 'SOCIAL_ACTIVITY');
    form.set('activities.1.description', 'Went to the allotment group together');
    const parsed = recordContactSchema.parse(formToObject(form));
    expect(parsed.durationMinutes).toBeUndefined();
    expect(parsed.activities).toEqual([
      { kind: 'SOCIAL_ACTIVITY', description: 'Went to the allotment group together' },
    ]);
    // 14:30 BST on 3 April 2026 is 13:30 UTC.
    expect(parsed.occurredAt.toISOString()).toBe('2026-04-03T13:30:00.000Z');
  });
});

describe('recordQualityOfLifeSchema', () => {
  const base = {
    ratedOn: { day: '1', month: '4', year: '2026' },
    instrument: 'ReQoL-10',
    selfRated: 'yes',
  };
  it('accepts 0 to 40 for ReQoL-10 and says the range otherwise', () => {
    expect(recordQualityOfLifeSchema.parse({ ...base, score: '0' })).toMatchObject({
      instrument: 'ReQoL-10',
      score: 0,
      maxScore: 40,
      selfRated: true,
    });
    expect(recordQualityOfLifeSchema.parse({ ...base, score: '40' }).score).toBe(40);
    for (const score of ['41', '-1']) {
      const result = recordQualityOfLifeSchema.safeParse({ ...base, score });
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(zodFieldErrors(result.error).score).toBe(
        'The score must be between 0 and 40 for ReQoL-10',
      );
    }
  });
  it('takes the name and maximum of another scale', () => {
    const parsed = recordQualityOfLifeSchema.parse({
      ...base,
      instrument: 'OTHER',
      instrumentName: 'DIALOG',
      maxScore: '77',
      score: '70',
      selfRated: 'no',
    });
    expect(parsed).toMatchObject({
      instrument: 'DIALOG',
      maxScore: 77,
      score: 70,
      selfRated: false,
    });
  });
});
