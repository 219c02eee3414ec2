// Tribunal events (s66, s67, s68; HESC Rules r32(6)): an application or reference received, and
// a hearing at which the patient was not discharged. MHA office.
import { z } from 'zod';
import { dateInput, optionalText } from '@/lib/schemas/common';
import { orderSubmission } from './recall';

export const TRIBUNAL_KINDS = ['APPLICATION', 'REFERENCE'] as const;
export const TRIBUNAL_APPLICANTS = [
  'PATIENT',
  'NEAREST_RELATIVE',
  'HOSPITAL_MANAGERS',
  'SECRETARY_OF_STATE',
] as const;
/** The section each case is made under (stored as TribunalCase.basis). */
export const TRIBUNAL_BASES = [
  's66(1)(ca)',
  's66(1)(cb)',
  's66(1)(fza)',
  's66(1)(faa)',
  's66(1)(g)',
  's68(2)',
  's68(6)',
  's68(7)',
  's67',
] as const;

export const tribunalCaseSchema = z.object({
  ...orderSubmission,
  kind: z.enum(TRIBUNAL_KINDS, { error: 'Select whether this is an application or a reference' }),
  applicant: z.enum(TRIBUNAL_APPLICANTS, { error: 'Select who applied or referred' }),
  basis: z.enum(TRIBUNAL_BASES, { error: 'Select the section it is made under' }),
  receivedOn: dateInput('the date the reference was made or the application received'),
  patientIsInpatient: z.enum(['yes', 'no'], {
    error: 'Select whether the patient is an in-patient now',
  }),
  tribunalReference: optionalText('the tribunal’s reference', 100),
});

export const tribunalHearingSchema = z.object({
  ...orderSubmission,
  caseId: z.uuid({ error: 'Select the case the hearing was about' }),
  heldOn: dateInput('the date of the hearing'),
  notes: optionalText('notes', 2000),
});
