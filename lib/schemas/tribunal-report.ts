// Report drafts (issue 9 §2): saving a section (with the version the author started from, so a
// stale edit is told the section changed), marking ready, signing and countersigning. The forms
// and the services parse with these schemas.
import { z } from 'zod';
import { dateInput, idempotencyKey, requiredText, uuid } from '@/lib/schemas/common';

export const MAX_SECTION_CHARS = 20_000;

export const saveReportSectionSchema = z.object({
  documentId: uuid('the document'),
  sectionKey: z
    .string({ error: 'The section is not valid: reload the page' })
    .regex(/^[a-z0-9-]{1,60}$/, { error: 'The section is not valid: reload the page' }),
  baseVersion: z.coerce
    .number({ error: 'The form is out of date: reload the page' })
    .int({ error: 'The form is out of date: reload the page' })
    .min(0, { error: 'The form is out of date: reload the page' })
    .max(1_000_000, { error: 'The form is out of date: reload the page' }),
  text: z
    .string({ error: 'Enter the text of the section' })
    .max(MAX_SECTION_CHARS, {
      error: `The section must be ${MAX_SECTION_CHARS.toLocaleString('en-GB')} characters or fewer`,
    })
    .refine((v) => !v.includes('\u0000'), {
      error: 'The text contains a character that cannot be saved',
    })
    .transform((v) => v.replace(/\r\n/g, '\n').trim()),
  idempotencyKey,
});

export const markReportReadySchema = z.object({
  documentId: uuid('the document'),
  idempotencyKey,
});

const confirm = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional())
  .refine((v) => v === 'yes', {
    error: 'Confirm that the report is correct to the best of your knowledge',
  });

export const signReportSchema = z.object({
  documentId: uuid('the document'),
  name: requiredText('your name as it should appear', 200),
  role: requiredText('your role (for example, consultant psychiatrist)', 200),
  signedOn: dateInput('the date you sign'),
  confirm,
  idempotencyKey,
});

export const countersignReportSchema = signReportSchema;
