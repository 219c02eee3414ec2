// The documents API's query (issue 9, part 3): `GET /api/v1/documents/{id}?format=docx|pdf`.
import { z } from 'zod';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const documentQuerySchema = z.object({
  format: z
    .enum(DOCUMENT_FORMATS, {
      error: 'Choose the format: docx (a Word document) or pdf.',
    })
    .default('pdf'),
});

/** A document id: letters, digits and hyphens (a UUID, or "chronology-" and a patient's id). */
export const documentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,120}$/, 'That is not a document id.');
