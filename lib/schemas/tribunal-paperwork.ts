// Tribunal paperwork (issue 9, part 1): moving a document through its steps, diarising a listed
// hearing, recording the written statement that may allow a paper decision (HESC r35(3)). The
// forms and the services parse with these schemas.
import { z } from 'zod';
import { TRIBUNAL_DOCUMENT_STATUSES } from '@/lib/cto/tribunal-paperwork';
import { dateInput, dateTimeInput, idempotencyKey, optionalText, uuid } from '@/lib/schemas/common';

export const updateTribunalDocumentSchema = z.object({
  documentId: uuid('the document'),
  status: z.enum(TRIBUNAL_DOCUMENT_STATUSES, { error: 'Select where the document has got to' }),
  idempotencyKey,
});

export const HEARING_MODES = ['IN_PERSON', 'VIDEO'] as const;

export const diariseHearingSchema = z
  .object({
    caseId: uuid('the tribunal case'),
    scheduledAt: dateTimeInput('of the hearing'),
    mode: z.enum(HEARING_MODES, { error: 'Select whether the hearing is in person or by video' }),
    venue: optionalText('the venue', 300),
    idempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'IN_PERSON' && !v.venue) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Enter the venue of the hearing' });
    }
  });

export const writtenStatementSchema = z.object({
  caseId: uuid('the tribunal case'),
  receivedOn: dateInput('the date the written statement was received'),
  idempotencyKey,
});
