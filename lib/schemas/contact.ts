// A contact with the patient (a visit, a call, an appointment, or one that did not happen) and
// the care activities done with it (housing support, benefits, a social activity ...): the
// care coordinator's working record of the social side of the order (issue 5, part 2).
//
// Field names: occurredAt.date.day|month|year, occurredAt.time, mode, durationMinutes,
// withCarer ('yes' | 'no'), summary, activities.0.kind, activities.0.description, ...
import { z } from 'zod';
import type { CareActivityKind, ContactMode } from '@/lib/generated/prisma/enums';
import { dateTimeInput, idempotencyKey, requiredText } from './common';

export const CONTACT_MODES = [
  'HOME_VISIT',
  'CLINIC',
  'COMMUNITY_SETTING',
  'TELEPHONE',
  'VIDEO',
  'WARD_VISIT',
  'DID_NOT_ATTEND',
  'NO_ACCESS',
] as const satisfies readonly ContactMode[];

export const CARE_ACTIVITY_KINDS = [
  'HOUSING_SUPPORT',
  'BENEFITS_AND_MONEY',
  'EMPLOYMENT_OR_EDUCATION',
  'SOCIAL_ACTIVITY',
  'FAMILY_OR_CARER_WORK',
  'PHYSICAL_HEALTH',
  'SUBSTANCE_USE_SUPPORT',
  'ADVOCACY_REFERRAL',
  'MEDICATION_SUPPORT',
  'CULTURE_OR_FAITH',
  'OTHER',
] as const satisfies readonly CareActivityKind[];

/** How many care activities the form offers rows for. */
export const CONTACT_ACTIVITY_ROWS = 3;
export const CONTACT_SUMMARY_MAX = 4000;
export const CONTACT_MAX_MINUTES = 720;

const objectOrEmpty = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};

/** The most activity rows a form may send (more is not a form's doing). */
const MAX_ACTIVITY_INDEX = 100;

function isEmptyRow(row: unknown): boolean {
  if (row === null || typeof row !== 'object') return true;
  const { kind, description } = row as { kind?: unknown; description?: unknown };
  return !(
    (typeof kind === 'string' && kind) ||
    (typeof description === 'string' && description.trim())
  );
}

// `activities.0.kind` arrives as { '0': { kind } }: read it as a list that KEEPS each row at its
// position (a row left empty is `undefined`), so an error in the second row is reported at
// `activities.1.*`, beside the row the person filled; the empty rows are dropped after checking.
const activityRows = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value.map((row) => (isEmptyRow(row) ? undefined : row));
  if (value === null || typeof value !== 'object') return [];
  const rows: unknown[] = [];
  for (const [key, row] of Object.entries(value)) {
    if (!/^\d+$/.test(key) || Number(key) >= MAX_ACTIVITY_INDEX) continue;
    rows[Number(key)] = isEmptyRow(row) ? undefined : row;
  }
  return Array.from(rows);
};

const activitySchema = z.object({
  kind: z.enum(CARE_ACTIVITY_KINDS, { error: 'Select the kind of care activity' }),
  description: requiredText('what the care activity was', 1000),
});

export const recordContactSchema = z.object({
  occurredAt: z.preprocess(objectOrEmpty, dateTimeInput('of the contact')),
  mode: z.enum(CONTACT_MODES, { error: 'Select how the contact happened' }),
  durationMinutes: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v),
    z.coerce
      .number({ error: 'Enter the length of the contact in minutes, like 45' })
      .int('Enter the length of the contact in whole minutes, like 45')
      .min(1, 'The length of the contact must be at least 1 minute')
      .max(
        CONTACT_MAX_MINUTES,
        `The length of the contact must be ${CONTACT_MAX_MINUTES} minutes or fewer`,
      )
      .optional(),
  ),
  withCarer: z.enum(['yes', 'no'], { error: 'Select whether a carer or relative was there' }),
  summary: requiredText('a summary of the contact', CONTACT_SUMMARY_MAX),
  activities: z
    .preprocess(activityRows, z.array(activitySchema.optional()))
    .transform((rows) => rows.filter((row) => row !== undefined))
    .pipe(
      z
        .array(activitySchema)
        .max(
          CONTACT_ACTIVITY_ROWS,
          `Record at most ${CONTACT_ACTIVITY_ROWS} care activities with one contact`,
        ),
    ),
  idempotencyKey,
});

export type RecordContactInput = z.infer<typeof recordContactSchema>;

/** Marking a contact or an assessment "entered in error": never deleted, the reason kept. */
export const enteredInErrorSchema = z.object({
  reason: requiredText('why this was entered in error', 1000).refine(
    (v) => v.length >= 5,
    'Say why this was entered in error, in a few words',
  ),
  idempotencyKey,
});

export type EnteredInErrorInput = z.infer<typeof enteredInErrorSchema>;

/** The form's field names (for FormState.values after a refusal). */
export const CONTACT_FIELD_NAMES: readonly string[] = [
  'occurredAt.date.day',
  'occurredAt.date.month',
  'occurredAt.date.year',
  'occurredAt.time',
  'mode',
  'durationMinutes',
  'withCarer',
  'summary',
  ...Array.from({ length: CONTACT_ACTIVITY_ROWS }, (_, i) => [
    `activities.${i}.kind`,
    `activities.${i}.description`,
  ]).flat(),
];
