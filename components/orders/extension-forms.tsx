'use client';
// Renewal (extension) of the community treatment period: the RC's examination and opinion
// (CTO7 Part 1), the consultation (s20A(9)), furnishing the report (Part 3), the managers'
// receipt (Part 4) and review (Code of Practice 38.14), and the CTO8 after a long absence.
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type { SocialPrefill } from '@/components/forms/social-factors-fieldset';
import type {
  consultationSchema,
  cto7ReceiptSchema,
  examinationSchema,
  furnishCto7Schema,
  furnishCto8Schema,
  managersReviewSchema,
} from '@/lib/schemas/orders/extension';
import { EXAMINED_ON, necessaryFor, notes } from './common-fields';
import { flowForm } from './flow-form';

/** 'YYYY-MM-DD' as the date fields take it, for a hint: '2026-10-02' -> '2 10 2026'. */
function dateExample(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${Number(month)} ${year}`;
}

/** The window, and its first day as an example: a date inside it, never one the law refuses. */
function windowHint(windowText: string, opens?: string | null): string {
  const example = opens ? ` For example, ${dateExample(opens)}.` : '';
  return `It must be inside the renewal window: ${windowText}.${example}`;
}

const GROUNDS = 'Your opinion is founded on the following grounds';

export const ExaminationForm = flowForm<
  InputOf<typeof examinationSchema>,
  {
    windowText: string;
    /** The day the renewal window opens ('YYYY-MM-DD'): the hint's example. */
    windowOpens?: string | null;
    social: SocialPrefill;
  }
>({
  submitLabel: 'Record the examination',
  confirmationTitle: 'Examination recorded',
  fields: (props) => [
    {
      date: 'examinedOn',
      legend: EXAMINED_ON,
      hint: windowHint(props.windowText, props.windowOpens),
    },
    {
      checkboxes: 'necessaryFor',
      legend: 'It is necessary that the patient should receive treatment for',
      hint: 'The other criteria of section 20A(6) must also be met: the nature or degree of the disorder makes treatment appropriate; it can be given without detention if the patient is liable to recall; the power of recall is needed; and appropriate treatment is available.',
      options: necessaryFor(false),
    },
    { textarea: 'grounds', label: GROUNDS, rows: 6 },
    {
      tick: 'deteriorationConsidered',
      legend: 'Risk of deterioration',
      label:
        'I considered what risk there would be of deterioration of the patient’s condition if they were to continue not to be detained in hospital (section 20A(7))',
    },
    {
      social: {
        prefill: props.social,
        decisionLabel: 'this renewal (extension)',
        headingLevel: 3,
      },
    },
  ],
});

export const ConsultationForm = flowForm<InputOf<typeof consultationSchema>>({
  submitLabel: 'Record the consultation',
  confirmationTitle: 'Consultation recorded',
  fields: [
    {
      text: 'consulteeName',
      label: 'Full name of the person you consulted',
      hint: 'Someone professionally concerned with the patient’s treatment (section 20A(9)).',
    },
    { text: 'consulteeRole', label: 'Their profession' },
    { date: 'consultedOn', legend: 'Date you consulted them' },
  ],
});

export const FurnishCto7Form = flowForm<InputOf<typeof furnishCto7Schema>>({
  submitLabel: 'Furnish the CTO7',
  confirmationTitle: 'Order renewed (extended)',
  back: true,
  fields: [
    {
      radios: 'furnishedBy',
      legend: 'I am furnishing this report by',
      options: {
        INTERNAL_MAIL: 'today consigning it to the hospital managers’ internal mail system',
        ELECTRONIC:
          'today sending it to the hospital managers, or a person authorised by them, by electronic communication',
        OTHER: 'sending or delivering it without using the internal mail system',
      },
    },
  ],
});

export const Cto7ReceiptForm = flowForm<InputOf<typeof cto7ReceiptSchema>>({
  submitLabel: 'Record receipt',
  confirmationTitle: 'Receipt recorded (CTO7 Part 4)',
  fields: [
    { dateTime: 'receivedAt', legend: 'When the report was received on behalf of the managers' },
  ],
});

export const ManagersReviewForm = flowForm<
  InputOf<typeof managersReviewSchema>,
  { hearings: Choices }
>({
  submitLabel: 'Record the review',
  confirmationTitle: 'Managers’ review recorded',
  back: true,
  fields: (props) => [
    <p className="nhsuk-body" key="about">
      Record a review at which the panel decided the order should continue. If the panel decided to
      discharge the patient, record a discharge by the hospital managers instead.
    </p>,
    props.hearings.length > 0 && {
      select: 'hearingId',
      label: 'Managers’ hearing',
      choose: 'A new hearing record',
      options: props.hearings,
    },
    { date: 'heldOn', legend: 'Date of the review' },
    {
      textarea: 'panel',
      label: 'Panel members',
      hint: 'One name on each line: at least three hospital managers or associate managers (section 23(4)).',
      rows: 4,
    },
    notes(),
  ],
});

export const Cto8Form = flowForm<InputOf<typeof furnishCto8Schema>, { amhps: Choices }>({
  submitLabel: 'Furnish the CTO8',
  confirmationTitle: 'CTO8 furnished',
  back: true,
  fields: (props) => [
    {
      date: 'examinedOn',
      legend: EXAMINED_ON,
      hint: 'Within one week beginning with the day the patient returned (section 21B(2)).',
    },
    {
      select: 'amhpId',
      label: 'AMHP who agreed (section 21B(6A))',
      choose: 'Select an AMHP',
      options: props.amhps,
    },
    { dateTime: 'amhpAgreedAt', legend: 'When the AMHP agreed' },
    { textarea: 'grounds', label: GROUNDS },
  ],
});
