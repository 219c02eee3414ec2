// The prescribed forms CTO1 to CTO12 (Schedule 1 to the Mental Health (Hospital, Guardianship
// and Treatment) (England) Regulations 2008, SI 2008/1184, as amended by SI 2008/2560, SI
// 2012/1118 and SI 2020/1072), as data: each form's heading, regulation line, parts, fixed
// wording, fill-ins (by key) and choices, in the order they are printed. render.ts draws a layout
// filled with the values recorded for one form.
//
// CTO1, CTO3, CTO4, CTO5 and CTO7 follow word for word the DHSC 2020 forms quoted in
// /shared/domain/statutory-forms.md (§1.1, 1.3, 1.4, 1.5, 1.7). The body text of CTO2, CTO6,
// CTO8 to CTO12 was not available: their layouts follow the regulations that prescribe them
// (the same notes, §1.2, 1.6, 1.8 to 1.12) and say "wording to be checked" on the form until a
// legal lead has compared them with the published forms (`wordingChecked: false`).

export type FormType =
  | 'CTO1'
  | 'CTO2'
  | 'CTO3'
  | 'CTO4'
  | 'CTO5'
  | 'CTO6'
  | 'CTO7'
  | 'CTO8'
  | 'CTO9'
  | 'CTO10'
  | 'CTO11'
  | 'CTO12';

export const FORM_TYPES: readonly FormType[] = [
  'CTO1',
  'CTO2',
  'CTO3',
  'CTO4',
  'CTO5',
  'CTO6',
  'CTO7',
  'CTO8',
  'CTO9',
  'CTO10',
  'CTO11',
  'CTO12',
];

export type FormItem =
  /** Fixed wording printed on the form. */
  | { kind: 'text'; text: string; hang?: string; indent?: number; bold?: boolean; italic?: boolean }
  /** A fill-in: the prompt printed on the form, and the recorded value under `key`. */
  | { kind: 'field'; prompt: string; key: string; indent?: number }
  /**
   * A "delete as appropriate" list: the options recorded under `key` (a list of values) stay;
   * the others are printed struck through, as a person deleting them by hand would.
   */
  | {
      kind: 'choice';
      key: string;
      instruction?: string;
      options: { value: string; text: string; hang?: string }[];
      indent?: number;
    }
  /** A signature line: who signed, as what, and when. */
  | { kind: 'signature'; as: string; name: string; date: string; time?: string }
  /** A notice printed in capitals at the foot of the form. */
  | { kind: 'notice'; text: string };

export interface FormPart {
  title?: string;
  items: FormItem[];
}

export interface FormLayout {
  type: FormType;
  /** The regulation line, e.g. "Regulation 6(1)(a), (b) and 6(2)(a)". */
  regulation: string;
  /** The section and subject, e.g. "Section 17A — Community treatment order". */
  heading: string;
  completedBy?: string;
  parts: FormPart[];
  /** False until the wording has been checked against the published form. */
  wordingChecked: boolean;
}

/** The values a form is filled with: text, or a list for a choice. Missing means not recorded. */
export type FormValues = Record<string, string | readonly string[] | null | undefined>;

const NECESSARY_FOR = (own: boolean) => [
  { value: 'health', hang: '(i)', text: own ? 'the patient’s own health' : 'the patient’s health' },
  {
    value: 'safety',
    hang: '(ii)',
    text: own ? 'the patient’s own safety' : 'the patient’s safety',
  },
  { value: 'protection of others', hang: '(iii)', text: 'the protection of other persons' },
];

/** The s17A(5) / s20A(6) criteria as CTO1 and CTO7 print them, (a) to (e). */
const CTO_CRITERIA = (form: 'making' | 'extension'): FormItem[] => {
  const extension = form === 'extension';
  const clause = (hang: string, text: string): FormItem => ({
    kind: 'text',
    hang,
    indent: 28,
    text,
  });
  return [
    { kind: 'text', text: 'In my opinion,' },
    clause(
      '(a)',
      `this patient is suffering from mental disorder of a nature or degree which makes it appropriate for the patient to receive medical treatment${extension ? ';' : ','}`,
    ),
    clause('(b)', 'it is necessary for'),
    {
      kind: 'choice',
      key: 'necessaryFor',
      indent: 56,
      instruction: `<delete any ${extension ? 'indent' : 'phrase'} which is not applicable>`,
      options: NECESSARY_FOR(false),
    },
    { kind: 'text', indent: 28, text: 'that the patient should receive such treatment;' },
    clause(
      '(c)',
      'such treatment can be provided without the patient continuing to be detained in a hospital provided the patient is liable to being recalled to hospital for medical treatment;',
    ),
    clause(
      '(d)',
      `it is necessary that the responsible clinician should ${extension ? 'continue to ' : ''}be able to exercise the power under section 17E(1) to recall the patient to hospital;`,
    ),
    clause(
      '(e)',
      'taking into account the nature and degree of the mental disorder from which the patient is suffering and all other circumstances of the case, appropriate medical treatment is available to the patient.',
    ),
  ];
};

const RC_PROMPT =
  'I [PRINT full name, address and, if sending by means of electronic communication, email address of the responsible clinician]';

const CONTINUATION =
  '[If you need to continue on a separate sheet please indicate here [ ] and attach that sheet to this form]';

const AMHP_PART = (agreeing: FormItem[]): FormPart => ({
  title: 'PART 2',
  items: [
    {
      kind: 'field',
      prompt:
        'I [PRINT full name, address and, if sending by means of electronic communication, email address]',
      key: 'amhp',
    },
    {
      kind: 'field',
      prompt: 'am acting on behalf of [name of local social services authority]',
      key: 'amhpAuthority',
    },
    {
      kind: 'field',
      prompt:
        'and am approved to act as an approved mental health professional for the purposes of the Act by <delete as appropriate> that authority / [name of local social services authority that approved you, if different].',
      key: 'amhpApprovedBy',
    },
    { kind: 'text', text: 'I agree that:' },
    ...agreeing,
    {
      kind: 'signature',
      as: 'Approved mental health professional',
      name: 'amhpSigned',
      date: 'amhpSignedOn',
    },
  ],
});

const FURNISHING = {
  kind: 'choice' as const,
  key: 'furnishedBy',
  instruction: 'I am furnishing this report by: <Delete the phrase which does not apply>',
  options: [
    {
      value: 'internal mail',
      text: 'today consigning it to the hospital managers’ internal mail system.',
    },
    {
      value: 'electronic',
      text: 'today sending it to the hospital managers, or a person authorised by them to receive it, by means of electronic communication.',
    },
    {
      value: 'other',
      text: 'sending or delivering it without using the hospital managers’ internal mail system.',
    },
  ],
};

const RECEIPT = (what: string): FormItem[] => [
  {
    kind: 'choice',
    key: 'receivedBy',
    instruction: `This ${what} was <Delete the phrase which does not apply>`,
    options: [
      {
        value: 'internal mail',
        text: 'furnished to the hospital managers through their internal mail system.',
      },
      {
        value: 'electronic',
        text: 'furnished to the hospital managers, or a person authorised by them to receive it, by means of electronic communication.',
      },
      { value: 'by hand', text: 'received by me on behalf of the hospital managers on [date].' },
    ],
  },
  { kind: 'field', prompt: 'Received on [date]', key: 'receivedOn' },
  {
    kind: 'signature',
    as: 'on behalf of the managers of the responsible hospital',
    name: 'receivedSigned',
    date: 'receivedSignedOn',
  },
];

export const FORM_LAYOUTS: Record<FormType, FormLayout> = {
  CTO1: {
    type: 'CTO1',
    regulation: 'Regulation 6(1)(a), (b) and 6(2)(a)',
    heading: 'Section 17A — Community treatment order',
    completedBy:
      '(Parts 1 and 3 of this form are to be completed by the responsible clinician and Part 2 by an approved mental health professional)',
    wordingChecked: true,
    parts: [
      {
        title: 'PART 1',
        items: [
          {
            kind: 'field',
            prompt: RC_PROMPT,
            key: 'rc',
          },
          {
            kind: 'field',
            prompt: 'am the responsible clinician for [PRINT full name and address of patient].',
            key: 'patient',
          },
          ...CTO_CRITERIA('making'),
          {
            kind: 'field',
            prompt: 'My opinion is founded on the following grounds—',
            key: 'grounds',
          },
          { kind: 'text', text: CONTINUATION },
          {
            kind: 'text',
            text: 'I confirm that in determining whether the criterion at (d) above is met, I have considered what risk there would be of deterioration of the patient’s condition if the patient were not detained in hospital, with regard to the patient’s history of mental disorder and any other relevant factors.',
          },
          {
            kind: 'text',
            bold: true,
            text: 'Conditions to which the patient is to be subject by virtue of this community treatment order',
          },
          {
            kind: 'text',
            text: 'The patient is to make himself or herself available for examination under section 20A, as requested.',
          },
          {
            kind: 'text',
            text: 'If it is proposed to give a certificate under Part 4A of the Act in the patient’s case, the patient is to make himself or herself available for examination to enable the certificate to be given, as requested.',
          },
          {
            kind: 'field',
            prompt:
              'The patient is also to be subject to the following conditions (if any) under section 17B(2) of the Act:',
            key: 'conditions',
          },
          { kind: 'text', text: CONTINUATION },
          {
            kind: 'text',
            text: 'I confirm that I consider the above conditions to be made under section 17B(2) of the Act are necessary or appropriate for one or more of the following purposes:',
          },
          {
            kind: 'text',
            hang: '-',
            indent: 28,
            text: 'to ensure that the patient receives medical treatment',
          },
          {
            kind: 'text',
            hang: '-',
            indent: 28,
            text: 'to prevent risk of harm to the patient’s health or safety',
          },
          { kind: 'text', hang: '-', indent: 28, text: 'to protect other persons.' },
          { kind: 'signature', as: 'Responsible clinician', name: 'rcSigned', date: 'rcSignedOn' },
        ],
      },
      AMHP_PART([
        {
          kind: 'text',
          hang: '(a)',
          indent: 28,
          text: 'the above patient meets the criteria for a community treatment order to be made',
        },
        {
          kind: 'text',
          hang: '(b)',
          indent: 28,
          text: 'it is appropriate to make a community treatment order, and',
        },
        {
          kind: 'text',
          hang: '(c)',
          indent: 28,
          text: 'the conditions made above under section 17B(2) are necessary or appropriate for one or more of the purposes specified.',
        },
      ]),
      {
        title: 'PART 3',
        items: [
          {
            kind: 'text',
            text: 'I exercise my power under section 17A of the Mental Health Act 1983 to make a community treatment order in respect of the patient named in Part 1 of this Form.',
          },
          {
            kind: 'field',
            prompt: 'This community treatment order is to be effective from [date]',
            key: 'effectiveOn',
          },
          { kind: 'field', prompt: 'at [time].', key: 'effectiveTime' },
          {
            kind: 'signature',
            as: 'Responsible clinician',
            name: 'part3Signed',
            date: 'part3SignedOn',
          },
          {
            kind: 'notice',
            text: 'THIS COMMUNITY TREATMENT ORDER IS NOT VALID UNLESS ALL THREE PARTS ARE COMPLETED AND SIGNED',
          },
          {
            kind: 'notice',
            text: 'IT MUST BE FURNISHED AS SOON AS PRACTICABLE TO THE MANAGERS OF THE HOSPITAL IN WHICH THE PATIENT WAS LIABLE TO BE DETAINED BEFORE THE ORDER WAS MADE',
          },
        ],
      },
    ],
  },

  CTO2: {
    type: 'CTO2',
    regulation: 'Regulation 6(2)(b)',
    heading: 'Section 17B — Variation of conditions of a community treatment order',
    completedBy: '(To be completed by the responsible clinician)',
    wordingChecked: false,
    parts: [
      {
        items: [
          {
            kind: 'field',
            prompt: RC_PROMPT,
            key: 'rc',
          },
          {
            kind: 'field',
            prompt: 'am the responsible clinician for [PRINT full name and address of patient].',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt:
              'The conditions made under section 17B(2) of the Mental Health Act 1983, to which the patient is subject, are varied as follows: [list the conditions as varied in full (including any not being varied), or state that all conditions are rescinded]',
            key: 'conditionsAsVaried',
          },
          { kind: 'field', prompt: 'The variation made', key: 'variation' },
          { kind: 'field', prompt: 'Reasons', key: 'reasons' },
          { kind: 'text', text: CONTINUATION },
          {
            kind: 'text',
            text: 'I confirm that I consider the conditions as varied to be necessary or appropriate for one or more of the following purposes: to ensure that the patient receives medical treatment; to prevent risk of harm to the patient’s health or safety; to protect other persons.',
          },
          {
            kind: 'field',
            prompt: 'This variation is to take effect from [date].',
            key: 'effectiveOn',
          },
          { kind: 'signature', as: 'Responsible clinician', name: 'rcSigned', date: 'rcSignedOn' },
        ],
      },
    ],
  },

  CTO3: {
    type: 'CTO3',
    regulation: 'Regulation 6(3)(a)',
    heading: 'Section 17E — Community treatment order: notice of recall to hospital',
    completedBy: '(To be completed by the responsible clinician)',
    wordingChecked: true,
    parts: [
      {
        items: [
          {
            kind: 'field',
            prompt: 'I notify you, [PRINT name of community patient],',
            key: 'patientName',
          },
          {
            kind: 'field',
            prompt: 'that you are recalled to [PRINT full name and address of the hospital]',
            key: 'hospital',
          },
          { kind: 'text', text: 'under section 17E of the Mental Health Act 1983.' },
          {
            kind: 'text',
            text: 'Complete either (a) or (b) below and delete the one which does not apply.',
          },
          {
            kind: 'choice',
            key: 'ground',
            options: [
              {
                value: 'risk',
                hang: '(a)',
                text: 'In my opinion, (i) you require treatment in hospital for mental disorder, AND (ii) there would be a risk of harm to your health or safety or to other persons if you were not recalled to hospital for that purpose.',
              },
            ],
          },
          {
            kind: 'field',
            prompt: 'This opinion is founded on the following grounds—',
            key: 'grounds',
            indent: 28,
          },
          { kind: 'text', indent: 28, text: CONTINUATION },
          {
            kind: 'choice',
            key: 'ground',
            options: [
              {
                value: 'failure to be examined',
                hang: '(b)',
                text: 'You have failed to comply with the condition imposed under section 17B of the Mental Health Act 1983 that you make yourself available for examination for the purpose of: <delete as appropriate> (i) consideration of extension of the community treatment period under section 20A (ii) enabling a Part 4A certificate to be given.',
              },
            ],
          },
          {
            kind: 'signature',
            as: 'Responsible clinician',
            name: 'rcSigned',
            date: 'rcSignedOn',
            time: 'rcSignedTime',
          },
          {
            kind: 'field',
            prompt: 'How the notice was served, and when it counts as served',
            key: 'service',
          },
          {
            kind: 'notice',
            text: 'A COPY OF THIS NOTICE IS TO BE FORWARDED TO THE MANAGERS OF THE HOSPITAL TO WHICH THE PATIENT IS RECALLED AS SOON AS POSSIBLE AFTER IT IS SERVED ON THE PATIENT. IF THAT HOSPITAL IS NOT THE RESPONSIBLE HOSPITAL, YOU SHOULD INFORM THE HOSPITAL MANAGERS THE NAME AND ADDRESS OF THE RESPONSIBLE HOSPITAL.',
          },
          {
            kind: 'text',
            text: 'This notice is sufficient authority for the managers of the named hospital to detain the patient there in accordance with the provisions of section 17E of the Mental Health Act 1983.',
          },
        ],
      },
    ],
  },

  CTO4: {
    type: 'CTO4',
    regulation: 'Regulation 6(3)(d)',
    heading:
      'Section 17E — Community treatment order: record of patient’s detention in hospital after recall',
    wordingChecked: true,
    parts: [
      {
        items: [
          { kind: 'field', prompt: '[PRINT full name and address of patient]', key: 'patient' },
          { kind: 'text', text: '(‘the patient’) is currently a community patient.' },
          {
            kind: 'field',
            prompt:
              'In pursuance of a notice recalling the patient to hospital under section 17E of the Act, the patient was detained in [full name and address of hospital]',
            key: 'hospital',
          },
          {
            kind: 'text',
            text: 'on [enter date and time at which the patient’s detention in the hospital as a result of the recall notice began].',
          },
          { kind: 'field', prompt: 'Date', key: 'detainedOn' },
          { kind: 'field', prompt: 'Time', key: 'detainedTime' },
          {
            kind: 'signature',
            as: 'on behalf of the hospital managers',
            name: 'managersSigned',
            date: 'managersSignedOn',
            time: 'managersSignedTime',
          },
        ],
      },
    ],
  },

  CTO5: {
    type: 'CTO5',
    regulation: 'Regulation 6(8)(a) and (b)',
    heading: 'Section 17F(4) — Revocation of community treatment order',
    completedBy:
      '(Parts 1 and 3 of this form are to be completed by the responsible clinician and Part 2 by an approved mental health professional)',
    wordingChecked: true,
    parts: [
      {
        title: 'PART 1',
        items: [
          {
            kind: 'field',
            prompt: RC_PROMPT,
            key: 'rc',
          },
          {
            kind: 'field',
            prompt:
              'am the responsible clinician for [PRINT full name and address of community patient]',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt: 'who is detained in [name and address of hospital]',
            key: 'hospital',
          },
          {
            kind: 'text',
            text: 'having been recalled to hospital under section 17E(1) of the Act.',
          },
          { kind: 'text', text: 'In my opinion,' },
          {
            kind: 'text',
            hang: '(a)',
            indent: 28,
            text: 'this patient is suffering from mental disorder of a nature or degree which makes it appropriate for the patient to receive medical treatment in a hospital,',
          },
          { kind: 'text', indent: 28, text: 'AND' },
          { kind: 'text', hang: '(b)', indent: 28, text: 'it is necessary for' },
          {
            kind: 'choice',
            key: 'necessaryFor',
            indent: 56,
            instruction: '<delete the indents not applicable>',
            options: NECESSARY_FOR(true),
          },
          {
            kind: 'text',
            indent: 28,
            text: 'that this patient should receive treatment in hospital,',
          },
          { kind: 'text', indent: 28, text: 'AND' },
          {
            kind: 'text',
            hang: '(c)',
            indent: 28,
            text: 'such treatment cannot be provided unless the patient is detained for medical treatment under the Act,',
          },
          {
            kind: 'field',
            prompt:
              'because— [Your reasons should cover (a), (b) and (c) above. As part of them: describe the patient’s symptoms and behaviour and explain how those symptoms and behaviour lead you to your opinion; say whether other methods of treatment or care (eg out-patient treatment or social services) are available and, if so, why they are not appropriate; indicate why informal admission is not appropriate.]',
            key: 'reasons',
          },
          { kind: 'text', text: CONTINUATION },
          {
            kind: 'text',
            text: 'I am also of the opinion that taking into account the nature and degree of the mental disorder from which the patient is suffering and all other circumstances of the case, appropriate medical treatment is available to the patient at the hospital named above.',
          },
          { kind: 'signature', as: 'Responsible clinician', name: 'rcSigned', date: 'rcSignedOn' },
        ],
      },
      AMHP_PART([
        {
          kind: 'text',
          hang: '(i)',
          indent: 28,
          text: 'the patient meets the criteria for detention in hospital set out above and',
        },
        {
          kind: 'text',
          hang: '(ii)',
          indent: 28,
          text: 'it is appropriate to revoke the community treatment order.',
        },
      ]),
      {
        title: 'PART 3',
        items: [
          {
            kind: 'text',
            text: 'I exercise my power under section 17F(4) to revoke the community treatment order in respect of the patient named in Part 1 who has been detained in hospital since [time] on [date]',
          },
          { kind: 'field', prompt: 'Date:', key: 'detainedOn' },
          { kind: 'field', prompt: 'Time:', key: 'detainedTime' },
          { kind: 'text', text: 'having been recalled under section 17E(1).' },
          {
            kind: 'signature',
            as: 'Responsible clinician',
            name: 'part3Signed',
            date: 'part3SignedOn',
          },
          {
            kind: 'notice',
            text: 'THIS REVOCATION ORDER IS NOT VALID UNLESS ALL THREE PARTS ARE COMPLETED AND SIGNED',
          },
          {
            kind: 'notice',
            text: 'IT MUST BE SENT AS SOON AS PRACTICABLE TO THE MANAGERS OF THE HOSPITAL IN WHICH THE PATIENT IS DETAINED',
          },
        ],
      },
    ],
  },

  CTO6: {
    type: 'CTO6',
    regulation: 'Regulation 9(3)(a) and (5)',
    heading:
      'Section 17F(2) — Authority for transfer of recalled community patient to a hospital under different managers',
    wordingChecked: false,
    parts: [
      {
        title: 'PART 1',
        items: [
          {
            kind: 'text',
            text: '(To be completed on behalf of the managers of the hospital to which the patient was recalled)',
          },
          {
            kind: 'field',
            prompt: 'Authority is given for the transfer of [PRINT full name of patient]',
            key: 'patientName',
          },
          {
            kind: 'field',
            prompt:
              'who is detained in [name and address of hospital to which the patient was recalled]',
            key: 'fromHospital',
          },
          {
            kind: 'field',
            prompt: 'to [name and address of hospital to which the patient is being transferred]',
            key: 'toHospital',
          },
          {
            kind: 'text',
            text: 'The managers are satisfied that arrangements have been made for the admission of the patient to that hospital (regulation 9(3)(b)).',
          },
          {
            kind: 'signature',
            as: 'on behalf of the managers of the hospital to which the patient was recalled',
            name: 'authoritySigned',
            date: 'authoritySignedOn',
          },
        ],
      },
      {
        title: 'PART 2',
        items: [
          {
            kind: 'text',
            text: '(To be completed on behalf of the managers of the hospital to which the patient is transferred)',
          },
          {
            kind: 'field',
            prompt: 'The patient was admitted to this hospital on [date] at [time]',
            key: 'admittedAt',
          },
          {
            kind: 'signature',
            as: 'on behalf of the managers of the hospital to which the patient is transferred',
            name: 'admissionSigned',
            date: 'admissionSignedOn',
          },
        ],
      },
    ],
  },

  CTO7: {
    type: 'CTO7',
    regulation: 'Regulation 13(6)(a) and (b), and 13(7)',
    heading:
      'Section 20A — Community treatment order: report extending the community treatment period',
    completedBy:
      'Parts 1 and 3 of this form are to be completed by the responsible clinician and Part 2 by an approved mental health professional. Part 4 is to be completed by or on behalf of the managers of the responsible hospital.',
    wordingChecked: true,
    parts: [
      {
        title: 'PART 1',
        items: [
          {
            kind: 'field',
            prompt: 'To the managers of [name and address of the responsible hospital]',
            key: 'hospital',
          },
          {
            kind: 'field',
            prompt:
              'I am [PRINT full name, address and, if sending by means of electronic communication, email address of the responsible clinician]',
            key: 'rc',
          },
          {
            kind: 'field',
            prompt: 'the responsible clinician for [PRINT full name and address of patient].',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt:
              'The patient is currently subject to a community treatment order made on [enter date].',
            key: 'orderMadeOn',
          },
          { kind: 'field', prompt: 'I examined the patient on [date].', key: 'examinedOn' },
          ...CTO_CRITERIA('extension'),
          {
            kind: 'field',
            prompt: 'My opinion is founded on the following grounds—',
            key: 'grounds',
          },
          { kind: 'text', text: CONTINUATION },
          {
            kind: 'text',
            text: 'I confirm that in determining whether the criterion at (d) above is met, I have considered what risk there would be of deterioration of the patient’s condition if the patient were to continue not to be detained in hospital, with regard to the patient’s history of mental disorder and any other relevant factors.',
          },
          { kind: 'signature', as: 'Responsible clinician', name: 'rcSigned', date: 'rcSignedOn' },
        ],
      },
      AMHP_PART([
        {
          kind: 'text',
          indent: 28,
          text: 'the patient meets the criteria for the extension of the community treatment period and',
        },
        {
          kind: 'text',
          indent: 28,
          text: 'it is appropriate to extend the community treatment period.',
        },
      ]),
      {
        title: 'PART 3',
        items: [
          {
            kind: 'field',
            prompt:
              'Before furnishing this report, I consulted [PRINT full name and profession of person consulted]',
            key: 'consultee',
          },
          {
            kind: 'text',
            text: 'who has been professionally concerned with the patient’s treatment.',
          },
          FURNISHING,
          {
            kind: 'signature',
            as: 'Responsible clinician',
            name: 'part3Signed',
            date: 'part3SignedOn',
          },
          {
            kind: 'notice',
            text: 'THIS REPORT IS NOT VALID UNLESS PARTS 1, 2 & 3 ARE COMPLETED AND SIGNED',
          },
        ],
      },
      { title: 'PART 4', items: RECEIPT('report') },
    ],
  },

  CTO8: {
    type: 'CTO8',
    regulation: 'Regulation 14(3)(a) and (b)',
    heading:
      'Section 21B — Authority for extension of community treatment period after absence without leave for more than 28 days',
    wordingChecked: false,
    parts: [
      {
        title: 'PART 1',
        items: [
          {
            kind: 'field',
            prompt: 'To the managers of [name and address of the responsible hospital]',
            key: 'hospital',
          },
          {
            kind: 'field',
            prompt: RC_PROMPT,
            key: 'rc',
          },
          {
            kind: 'field',
            prompt: 'am the responsible clinician for [PRINT full name and address of patient]',
            key: 'patient',
          },
          {
            kind: 'text',
            text: 'who was absent without leave for more than 28 days and has returned or been returned, and whom I examined within the period of one week beginning with the day of return (section 21B(2)).',
          },
          { kind: 'field', prompt: 'I examined the patient on [date].', key: 'examinedOn' },
          {
            kind: 'text',
            text: 'In my opinion the conditions set out in section 20A(6) are satisfied, and an approved mental health professional has stated in writing that they agree.',
          },
          {
            kind: 'field',
            prompt: 'My opinion is founded on the following grounds—',
            key: 'grounds',
          },
          {
            kind: 'field',
            prompt: 'The approved mental health professional who agreed, and when',
            key: 'amhp',
          },
          {
            kind: 'text',
            italic: true,
            text: 'Complete the following only if the community treatment order is due to expire within that period of two months.',
          },
          {
            kind: 'field',
            prompt: 'The community treatment period is extended to [date]',
            key: 'newExpiry',
          },
          FURNISHING,
          { kind: 'signature', as: 'Responsible clinician', name: 'rcSigned', date: 'rcSignedOn' },
        ],
      },
      { title: 'PART 2', items: RECEIPT('report') },
    ],
  },

  CTO9: {
    type: 'CTO9',
    regulation: 'Regulation 16(4) and (5)',
    heading: 'Part 6 — Community patients transferred to England',
    wordingChecked: false,
    parts: [
      {
        title: 'PART 1',
        items: [
          {
            kind: 'field',
            prompt: RC_PROMPT,
            key: 'rc',
          },
          {
            kind: 'field',
            prompt: 'am the responsible clinician for [PRINT full name and address of patient]',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt:
              'The conditions to which the patient is to be subject (section 80C(5) or 85ZA(4) of the Act):',
            key: 'conditions',
          },
          { kind: 'signature', as: 'Responsible clinician', name: 'rcSigned', date: 'rcSignedOn' },
        ],
      },
      AMHP_PART([
        { kind: 'text', indent: 28, text: 'the conditions specified in Part 1 are appropriate.' },
      ]),
    ],
  },

  CTO10: {
    type: 'CTO10',
    regulation: 'Regulation 17(3)(a) and (d)(i) and (ii)',
    heading:
      'Section 19A — Authority for assignment of responsibility for community patient to hospital under different managers',
    wordingChecked: false,
    parts: [
      {
        items: [
          {
            kind: 'field',
            prompt: 'The managers of [name and address of the assigning responsible hospital]',
            key: 'fromHospital',
          },
          {
            kind: 'field',
            prompt:
              'authorise the assignment of responsibility for [PRINT full name and address of patient]',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt: 'to [name and address of the hospital which will be the responsible hospital]',
            key: 'toHospital',
          },
          {
            kind: 'field',
            prompt: 'The managers of that hospital agreed to the assignment on [date]',
            key: 'agreedOn',
          },
          { kind: 'field', prompt: 'The assignment is to take place on [date]', key: 'assignedOn' },
          { kind: 'field', prompt: 'Notes', key: 'notes' },
          {
            kind: 'signature',
            as: 'on behalf of the managers of the assigning responsible hospital',
            name: 'managersSigned',
            date: 'managersSignedOn',
          },
        ],
      },
    ],
  },

  CTO11: {
    type: 'CTO11',
    regulation: 'Regulation 28(1)',
    heading:
      'Section 64C(4) — Certificate of appropriateness of treatment to be given to community patient (Part 4A certificate)',
    wordingChecked: false,
    parts: [
      {
        items: [
          {
            kind: 'field',
            prompt:
              'I [PRINT full name, address and, if sending by means of electronic communication, email address]',
            key: 'certifier',
          },
          {
            kind: 'text',
            text: 'am a registered medical practitioner appointed for the purposes of Part 4 of the Act (a SOAD).',
          },
          {
            kind: 'field',
            prompt: 'I have consulted [PRINT full name and profession of each person consulted]',
            key: 'consultees',
          },
          {
            kind: 'field',
            prompt:
              'I certify that the following treatment is appropriate to be given to [PRINT full name and address of patient]',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt: 'Treatment (the description of treatment or plan of treatment)',
            key: 'treatments',
          },
          { kind: 'field', prompt: 'Electroconvulsive therapy included', key: 'includesEct' },
          {
            kind: 'field',
            prompt:
              'Treatment which may be given if the patient is recalled to hospital (section 64C(4A)), if any',
            key: 'onRecall',
          },
          { kind: 'field', prompt: 'Certificate given on [date]', key: 'givenOn' },
          {
            kind: 'signature',
            as: 'Approved clinician (SOAD)',
            name: 'certifierSigned',
            date: 'certifierSignedOn',
          },
        ],
      },
    ],
  },

  CTO12: {
    type: 'CTO12',
    regulation: 'Regulation 28(1A)',
    heading:
      'Section 64C(4A) — Certificate of appropriateness of treatment to be given to community patient (Part 4A consent patients)',
    wordingChecked: false,
    parts: [
      {
        items: [
          {
            kind: 'field',
            prompt:
              'I [PRINT full name, address and, if sending by means of electronic communication, email address]',
            key: 'certifier',
          },
          {
            kind: 'text',
            text: 'am the approved clinician in charge of the treatment described below.',
          },
          {
            kind: 'field',
            prompt:
              '[PRINT full name and address of patient] has the capacity (or, if under 16, the competence) to consent to, and has consented to, the following treatment:',
            key: 'patient',
          },
          {
            kind: 'field',
            prompt: 'Treatment (the description of treatment or plan of treatment)',
            key: 'treatments',
          },
          { kind: 'field', prompt: 'Electroconvulsive therapy included', key: 'includesEct' },
          {
            kind: 'field',
            prompt: 'The patient’s capacity and consent',
            key: 'capacityAndConsent',
          },
          { kind: 'field', prompt: 'Certificate given on [date]', key: 'givenOn' },
          {
            kind: 'signature',
            as: 'Approved clinician',
            name: 'certifierSigned',
            date: 'certifierSignedOn',
          },
        ],
      },
    ],
  },
};

/** The form's title line as the form prints it. */
export function formTitle(layout: FormLayout): string {
  return `Form ${layout.type} - ${layout.regulation} Mental Health Act 1983`;
}
