// A quality-of-life rating: a validated scale the patient fills in (or a clinician rates),
// recorded regularly so the care team can see how life on the order is going.
// Field names: ratedOn.day|month|year, instrument, instrumentName, maxScore, score,
// selfRated ('yes' | 'no'), notes.
import { z } from 'zod';
import { dateInput, idempotencyKey, optionalText } from './common';

/**
 * The scales offered, with their score range (0 to max; higher is better for all of them).
 * ReQoL-10: ten items scored 0-4; ReQoL-20: twenty items 0-4 (Keetharuth et al., 2018).
 */
export const QOL_INSTRUMENTS = {
  'ReQoL-10': { label: 'ReQoL-10 (Recovering Quality of Life, 10 questions)', maxScore: 40 },
  'ReQoL-20': { label: 'ReQoL-20 (Recovering Quality of Life, 20 questions)', maxScore: 80 },
  OTHER: { label: 'Another scale', maxScore: null },
} as const satisfies Record<string, { label: string; maxScore: number | null }>;

export type QolInstrumentKey = keyof typeof QOL_INSTRUMENTS;
export const QOL_INSTRUMENT_KEYS = Object.keys(QOL_INSTRUMENTS) as QolInstrumentKey[];

const objectOrEmpty = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};

const blankToUndefined = (v: unknown) =>
  typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v;

const wholeNumber = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${what} as a whole number` })
      .int(`Enter ${what} as a whole number`)
      .optional(),
  );

export const recordQualityOfLifeSchema = z
  .object({
    ratedOn: z.preprocess(objectOrEmpty, dateInput('the date of the rating')),
    instrument: z.enum(QOL_INSTRUMENT_KEYS as [QolInstrumentKey, ...QolInstrumentKey[]], {
      error: 'Select the scale used',
    }),
    instrumentName: optionalText('the name of the scale', 60),
    maxScore: wholeNumber('the highest possible score'),
    score: wholeNumber('the score'),
    selfRated: z.enum(['yes', 'no'], { error: 'Select who gave the rating' }),
    notes: optionalText('notes', 2000),
    idempotencyKey,
  })
  .superRefine((value, ctx) => {
    if (value.instrument === 'OTHER') {
      if (!value.instrumentName)
        ctx.addIssue({
          code: 'custom',
          path: ['instrumentName'],
          message: 'Enter the name of the scale',
        });
      if (value.maxScore === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['maxScore'],
          message: 'Enter the highest possible score',
        });
      else if (value.maxScore < 1 || value.maxScore > 1000)
        ctx.addIssue({
          code: 'custom',
          path: ['maxScore'],
          message: 'The highest possible score must be between 1 and 1000',
        });
    }
    const max = maxScoreOf(value);
    if (value.score === undefined) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'Enter the score' });
    } else if (max !== null && (value.score < 0 || value.score > max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `The score must be between 0 and ${max} for ${instrumentNameOf(value)}`,
      });
    }
  })
  .transform((value) => ({
    ratedOn: value.ratedOn,
    instrument: instrumentNameOf(value),
    maxScore: maxScoreOf(value) ?? 0,
    score: value.score ?? 0,
    selfRated: value.selfRated === 'yes',
    notes: value.notes,
    idempotencyKey: value.idempotencyKey,
  }));

function maxScoreOf(value: { instrument: QolInstrumentKey; maxScore?: number }): number | null {
  const known = QOL_INSTRUMENTS[value.instrument].maxScore;
  if (known !== null) return known;
  return value.maxScore !== undefined && value.maxScore >= 1 && value.maxScore <= 1000
    ? value.maxScore
    : null;
}

function instrumentNameOf(value: {
  instrument: QolInstrumentKey;
  instrumentName?: string;
}): string {
  return value.instrument === 'OTHER' ? (value.instrumentName ?? 'the scale') : value.instrument;
}

export type RecordQualityOfLifeInput = z.infer<typeof recordQualityOfLifeSchema>;

/** The form's field names (for FormState.values after a refusal). */
export const QOL_FIELD_NAMES: readonly string[] = [
  'ratedOn.day',
  'ratedOn.month',
  'ratedOn.year',
  'instrument',
  'instrumentName',
  'maxScore',
  'score',
  'selfRated',
  'notes',
];
