// The input of a register import (issue 10 §2): the upload's options and a person's decisions.
// The file's bytes are read by lib/import/read-file.ts, never by a schema.
import { z } from 'zod';
import { IMPORT_FIELDS } from '@/lib/import/fields';

const text = (max: number) =>
  z
    .string()
    .max(max, `Must be ${max} characters or fewer`)
    .refine((v) => !v.includes('\u0000'), 'Remove the hidden null character');

export const DECISION_CODES = ['AMBIGUOUS_DATE', 'EXPIRY_MISMATCH', 'EXISTING_PATIENT'] as const;
export const DECISION_CHOICES = [
  'DMY',
  'MDY',
  'COMPUTED',
  'ADD_RENEWAL',
  'IMPORT',
  'SKIP',
] as const;

export const importDecisionSchema = z.strictObject({
  row: z.number({ error: 'The row must be a spreadsheet row number' }).int().min(1).max(1_048_576),
  code: z.enum(DECISION_CODES, 'Choose a question this import asks'),
  column: text(200).nullable().optional(),
  choice: z.enum(DECISION_CHOICES, 'Choose one of the answers offered'),
});

export type ImportDecisionInput = z.infer<typeof importDecisionSchema>;

/** header -> field, as a person mapped it; at most 200 headers. */
export const importMappingSchema = z
  .record(text(200), z.enum(IMPORT_FIELDS, 'Choose a field for this column'))
  .refine((m) => Object.keys(m).length <= 200, 'At most 200 columns can be mapped');

export const importUploadSchema = z.strictObject({
  fileName: text(255).min(1, 'Choose a file'),
  mapping: importMappingSchema.default({}),
  dryRun: z.boolean().default(true),
  decisions: z.array(importDecisionSchema).max(50_000).default([]),
  /** Preview again, from the sheet an earlier upload stored, with a fixed mapping. */
  fromImportId: z.uuid('The import was not found').optional(),
});

export const importCommitSchema = z.strictObject({
  importId: z.uuid('The import was not found'),
  decisions: z.array(importDecisionSchema).max(50_000).default([]),
});

// --- The pages' forms (app/(app)/imports) ------------------------------------------------

/** Upload: the file itself is read from the FormData by the action, never by a schema. */
export const importUploadFormSchema = z.object({ file: z.string().optional() });

/** Fix a mapping: the column's position (0-999) -> a field, or '' for not mapped. */
export const importMappingFormSchema = z.strictObject({
  importId: z.uuid('The import was not found'),
  mapping: z
    .record(
      z.string().regex(/^\d{1,3}$/, 'Not a column of this file'),
      z.enum([...IMPORT_FIELDS, ''], 'Choose a field for this column'),
    )
    .default({}),
});

/** The answers to the preview's questions, by `q<row>_<n>` (the row's n-th question). */
export const importDecisionsFormSchema = z.strictObject({
  importId: z.uuid('The import was not found'),
  decisions: z
    .record(
      z.string().regex(/^q\d{1,7}_\d{1,2}$/, 'Not a question of this import'),
      z.enum(DECISION_CHOICES, 'Choose one of the answers offered'),
    )
    .default({}),
});
