// s132A: information given to a community patient (and the nearest relative, unless the patient
// objects) after each event that requires it.
import { z } from 'zod';
import { dateTimeInput, optionalText } from '@/lib/schemas/common';
import { orderRef, ticked, yesNo } from './shared';

export const RIGHTS_TRIGGERS = [
  'MAKING',
  'EXTENSION',
  'VARIATION',
  'RECALL',
  'REVOCATION',
  'PERIODIC',
  'OTHER',
] as const;
export type RightsTriggerValue = (typeof RIGHTS_TRIGGERS)[number];

export const RIGHTS_TRIGGER_LABELS: Record<RightsTriggerValue, string> = {
  MAKING: 'The order was made',
  EXTENSION: 'The order was extended',
  VARIATION: 'The conditions were varied',
  RECALL: 'The patient was recalled',
  REVOCATION: 'The order was revoked',
  PERIODIC: 'A periodic reminder',
  OTHER: 'Another reason',
};

export const UNDERSTANDING_LEVELS = [
  { value: 'UNDERSTOOD', label: 'Understood' },
  { value: 'PARTLY_UNDERSTOOD', label: 'Partly understood' },
  { value: 'NOT_UNDERSTOOD', label: 'Did not understand' },
  { value: 'DECLINED', label: 'Declined to receive the information' },
] as const;

/** Optional date and time (both parts blank = not given). */
function optionalDateTime(what: string) {
  return z.preprocess((v) => {
    if (v && typeof v === 'object') {
      const o = v as { date?: Record<string, string>; time?: string };
      const blank =
        Object.values(o.date ?? {}).every((p) => !p || !String(p).trim()) &&
        (!o.time || !o.time.trim());
      if (blank) return undefined;
    }
    return v;
  }, dateTimeInput(what).optional());
}

export const recordRightsInformationSchema = z
  .object({
    ...orderRef,
    /** 'TRIGGER:<eventId>' for a due deadline, or a trigger kind for other occasions. */
    occasion: z.string({ error: 'Choose what the information was given after' }).min(1, {
      error: 'Choose what the information was given after',
    }),
    givenOrally: ticked,
    givenOrallyAt: optionalDateTime('it was given orally'),
    givenInWriting: ticked,
    givenInWritingAt: optionalDateTime('it was given in writing'),
    understanding: z.enum(
      UNDERSTANDING_LEVELS.map((u) => u.value),
      { error: 'Say how well the patient understood' },
    ),
    patientObjectsToNearestRelative: yesNo(
      'Say whether the patient objects to the nearest relative being told',
    ),
    nearestRelativeInformedAt: optionalDateTime('the nearest relative was told'),
    notes: optionalText('notes', 2000),
  })
  .superRefine((v, ctx) => {
    if (!v.givenOrally && !v.givenInWriting)
      ctx.addIssue({
        code: 'custom',
        path: ['givenOrally'],
        message: 'Say whether the information was given orally, in writing, or both',
      });
    if (v.givenOrally && !v.givenOrallyAt)
      ctx.addIssue({
        code: 'custom',
        path: ['givenOrallyAt', 'date'],
        message: 'Enter when the information was given orally',
      });
    if (v.givenInWriting && !v.givenInWritingAt)
      ctx.addIssue({
        code: 'custom',
        path: ['givenInWritingAt', 'date'],
        message: 'Enter when the information was given in writing',
      });
    if (v.patientObjectsToNearestRelative && v.nearestRelativeInformedAt)
      ctx.addIssue({
        code: 'custom',
        path: ['nearestRelativeInformedAt', 'date'],
        message:
          'The patient objects to the nearest relative being told: do not record that they were told',
      });
  });
export type RecordRightsInformationInput = z.infer<typeof recordRightsInformationSchema>;
