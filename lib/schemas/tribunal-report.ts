// Report drafts (issue 9 §2): saving a section (with the version the author started from, so a
// stale edit is told the section changed), marking ready, signing and countersigning. The forms
// and the services parse with these schemas.
import { z } from 'zod';
import { dateInput, idempotencyKey, optionalText, requiredText, uuid } from '@/lib/schemas/common';

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

// Tribunal rule 14: the RC or the MHA office marks a report (or part of it) as withheld from
// the patient, with the reason (which part, and why disclosure would be likely to cause the
// patient or someone else serious harm). Clearing it needs no reason.
export const withholdReportSchema = z
  .object({
    documentId: uuid('the document'),
    withheld: z.enum(['yes', 'no'], {
      error: 'Select whether the report is withheld from the patient',
    }),
    reason: optionalText('the reason', 2000),
    idempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (v.withheld === 'yes' && !v.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Enter which part is withheld from the patient and why',
      });
    }
  });

// The MHA office names who writes a document: a user of the patient's team (told in the app),
// or a named person outside the app (the nursing report's author on the ward, for example).
export const nameReportAuthorSchema = z
  .object({
    documentId: uuid('the document'),
    authorId: z.preprocess((v) => (v === '' ? undefined : v), uuid('the person chosen').optional()),
    authorName: optionalText('the named person’s name', 200),
    idempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (!v.authorId && !v.authorName) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorId'],
        message: 'Select the person who writes it, or enter a named person’s name',
      });
    }
    if (v.authorId && v.authorName) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorName'],
        message: 'Select a person or enter a name, not both',
      });
    }
  });
