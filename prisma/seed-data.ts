/**
 * Word lists for the demonstration data (prisma/seed.ts). Everything here is invented: names are
 * combined at random, places and postcodes do not exist (postcode areas NX and SX are not used in
 * the UK), and telephone numbers are from Ofcom's ranges reserved for drama (07700 900xxx).
 * The notes describe situations in general terms and never a real person.
 */
import type {
  CareActivityKind,
  ConditionCategory,
  ConditionPurpose,
  ContactMode,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/enums';

// --- People ----------------------------------------------------------------------------------

export interface NamePool {
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly family: readonly string[];
  /** First language and whether an interpreter is sometimes needed, for this background. */
  readonly languages?: readonly { language: string; interpreter: boolean }[];
}

/**
 * By NHS ethnic category code (lib/codes/ethnic-category.ts): one or more pools per code, so that
 * given and family names (and languages) come from the same background.
 */
export const NAMES: Readonly<Record<string, readonly NamePool[]>> = {
  A: [
    {
      male: [
        'James',
        'Daniel',
        'Mark',
        'Paul',
        'Stephen',
        'Craig',
        'Lee',
        'Gary',
        'Darren',
        'Ryan',
        'Michael',
        'Christopher',
        'Jamie',
        'Liam',
        'Neil',
      ],
      female: [
        'Sarah',
        'Claire',
        'Emma',
        'Joanne',
        'Lisa',
        'Rebecca',
        'Nicola',
        'Kerry',
        'Hayley',
        'Gemma',
      ],
      family: [
        'Whitfield',
        'Pearson',
        'Barker',
        'Holloway',
        'Simmons',
        'Ashworth',
        'Fletcher',
        'Brennan',
        'Lowe',
        'Dawson',
        'Kirby',
        'Sutton',
        'Webb',
        'Hartley',
        'Chambers',
        'Gibbons',
        'Rowley',
        'Thwaite',
        'Pickering',
        'Lomax',
      ],
    },
  ],
  B: [
    {
      male: ['Sean', 'Declan', 'Ciaran'],
      female: ['Niamh', 'Siobhan'],
      family: ["O'Connell", 'Gallagher', 'Byrne', 'Doherty'],
    },
  ],
  C: [
    {
      male: ['Tomasz', 'Piotr', 'Marek'],
      female: ['Agnieszka', 'Katarzyna'],
      family: ['Kowalczyk', 'Nowakowski', 'Zielinski'],
      languages: [{ language: 'Polish', interpreter: true }],
    },
    {
      male: ['Andrei', 'Mihai'],
      female: ['Ioana'],
      family: ['Popescu', 'Dumitru'],
      languages: [{ language: 'Romanian', interpreter: true }],
    },
    {
      male: ['João', 'Rui'],
      female: ['Beatriz'],
      family: ['Ferreira', 'Carvalho'],
      languages: [{ language: 'Portuguese', interpreter: false }],
    },
  ],
  D: [
    {
      male: ['Jordan', 'Kyle', 'Tyler', 'Reece'],
      female: ['Aaliyah', 'Chantelle'],
      family: ['Barrett', 'Lindo', 'Harvey', 'Coleman'],
    },
  ],
  E: [
    {
      male: ['Joel', 'Nathan'],
      female: ['Amara', 'Zara'],
      family: ['Ashdown', 'Bennett', 'Asante-Ward'],
    },
  ],
  G: [{ male: ['Kai', 'Isaac'], female: ['Maya'], family: ['Da Silva', 'Rahman-Jones'] }],
  H: [
    {
      male: ['Arjun', 'Vikram', 'Sanjay'],
      female: ['Priti', 'Anjali'],
      family: ['Sharma', 'Chauhan', 'Gill', 'Bhatt'],
    },
  ],
  J: [
    {
      male: ['Imran', 'Bilal', 'Adeel'],
      female: ['Ayesha', 'Sana'],
      family: ['Hussain', 'Iqbal', 'Akhtar', 'Mahmood'],
      languages: [{ language: 'Urdu', interpreter: false }],
    },
  ],
  K: [
    {
      male: ['Rahim', 'Shahid'],
      female: ['Shamima', 'Rumana'],
      family: ['Uddin', 'Miah', 'Chowdhury'],
      languages: [{ language: 'Sylheti', interpreter: true }],
    },
  ],
  L: [
    {
      male: ['Tharshan', 'Ravi'],
      female: ['Nilani'],
      family: ['Sivakumar', 'Jeyarajah'],
      languages: [{ language: 'Tamil', interpreter: true }],
    },
  ],
  M: [
    {
      male: [
        'Marcus',
        'Andre',
        'Jermaine',
        'Delroy',
        'Winston',
        'Leon',
        'Tyrone',
        'Clive',
        'Dwayne',
        'Lloyd',
      ],
      female: ['Marcia', 'Simone', 'Jasmine', 'Donna', 'Paulette'],
      family: [
        'Campbell',
        'Francis',
        'Grant',
        'Bailey',
        'Reid',
        'McKenzie',
        'Powell',
        'Gayle',
        'Fearon',
        'Brissett',
        'Walcott',
        'Samuels',
      ],
    },
  ],
  N: [
    {
      // West African
      male: ['Kwabena', 'Chidi', 'Emeka', 'Tunde', 'Kofi', 'Oluwaseun', 'Femi'],
      female: ['Ngozi', 'Folasade', 'Abena', 'Chiamaka'],
      family: ['Okonkwo', 'Adebayo', 'Osei', 'Nwosu', 'Owusu', 'Eze', 'Ogunleye'],
      languages: [
        { language: 'Yoruba', interpreter: false },
        { language: 'Twi', interpreter: false },
      ],
    },
    {
      // East African
      male: ['Abdi', 'Mohamed', 'Ibrahim', 'Yonas', 'Dawit'],
      female: ['Hodan', 'Amina', 'Saba'],
      family: ['Warsame', 'Abdullahi', 'Haile', 'Tesfaye', 'Farah'],
      languages: [
        { language: 'Somali', interpreter: true },
        { language: 'Tigrinya', interpreter: true },
      ],
    },
    {
      // Central and southern Africa
      male: ['Jean-Paul', 'Tendai', 'Samuel'],
      female: ['Grace', 'Chipo'],
      family: ['Mutasa', 'Kabongo', 'Ilunga', 'Moyo'],
      languages: [{ language: 'French', interpreter: true }],
    },
  ],
  P: [
    {
      male: ['Malik', 'Devon'],
      female: ['Keisha'],
      family: ['Anderson', 'Thomas-Lewis', 'Forbes'],
    },
  ],
  R: [
    {
      male: ['Wei', 'Jun'],
      female: ['Lin'],
      family: ['Chen', 'Lau', 'Zhang'],
      languages: [
        { language: 'Cantonese', interpreter: true },
        { language: 'Mandarin', interpreter: true },
      ],
    },
  ],
  S: [
    {
      male: ['Karim', 'Omar'],
      female: ['Leyla'],
      family: ['Haddad', 'Khalil'],
      languages: [{ language: 'Arabic', interpreter: true }],
    },
    {
      male: ['Emre', 'Murat'],
      female: ['Elif'],
      family: ['Yilmaz', 'Demir'],
      languages: [{ language: 'Turkish', interpreter: true }],
    },
    {
      male: ['Dariush', 'Reza'],
      female: ['Shirin'],
      family: ['Karimi', 'Rostami'],
      languages: [{ language: 'Farsi', interpreter: true }],
    },
  ],
  Z: [{ male: ['Alex', 'Sam'], female: ['Jo'], family: ['Morley', 'Tranter'] }],
};

/**
 * Sixty ethnic categories, in the order patients are made: Black and Black British people are
 * strongly over-represented, as they are among people on CTOs (cto-law.md section 7).
 */
export const ETHNICITY_MIX: readonly string[] = [
  'A',
  'M',
  'N',
  'A',
  'A',
  'N',
  'M',
  'C',
  'A',
  'D',
  'N',
  'A',
  'M',
  'A',
  'J',
  'N',
  'A',
  'P',
  'M',
  'A',
  'K',
  'A',
  'N',
  'M',
  'B',
  'A',
  'D',
  'H',
  'N',
  'A',
  'M',
  'A',
  'S',
  'N',
  'A',
  'C',
  'M',
  'A',
  'E',
  'N',
  'A',
  'R',
  'M',
  'J',
  'A',
  'N',
  'A',
  'G',
  'M',
  'L',
  'A',
  'N',
  'Z',
  'M',
  'A',
  'C',
  'N',
  'A',
  'M',
  'H',
];

export const NR_RELATIONSHIPS_BY_AGE = {
  young: ['Mother', 'Father', 'Mother', 'Sister', 'Brother'],
  middle: ['Mother', 'Sister', 'Brother', 'Wife', 'Husband', 'Father', 'Partner', 'Aunt'],
  older: ['Wife', 'Husband', 'Daughter', 'Son', 'Sister', 'Brother'],
} as const;

export const NR_GIVEN_NAMES = {
  female: [
    'Patricia',
    'Gloria',
    'Maureen',
    'Grace',
    'Janet',
    'Fatima',
    'Olga',
    'Rose',
    'Helen',
    'Beverley',
    'Comfort',
    'Shirley',
  ],
  male: [
    'George',
    'Errol',
    'Kenneth',
    'David',
    'Kwame',
    'Raymond',
    'Trevor',
    'Anthony',
    'Peter',
    'Bashir',
  ],
} as const;

// --- Places ----------------------------------------------------------------------------------

export interface Area {
  readonly towns: readonly string[];
  readonly streets: readonly string[];
  readonly postcodeArea: string;
}

export const AREAS: Readonly<Record<'NORTH' | 'SOUTH' | 'EAST', Area>> = {
  NORTH: {
    towns: ['Northbridge', 'Hallam Green', 'Ashby Vale', 'Corran Moor'],
    streets: [
      'Millstone Road',
      'Tanner Street',
      'Coldwell Lane',
      'Priory Walk',
      'Beacon Terrace',
      'Foundry Close',
      'Larch Avenue',
      'Kettle Row',
    ],
    postcodeArea: 'NX',
  },
  SOUTH: {
    towns: ['Southvale', 'Kingsmere', 'Marlow Heath', 'Fenwick Cross'],
    streets: [
      'Harbour Road',
      'Quayside Court',
      'Orchard Way',
      'Saltmarsh Lane',
      'Chandlers Mews',
      'Rope Walk',
      'Elm Grove',
      'Station Parade',
    ],
    postcodeArea: 'SX',
  },
  EAST: {
    towns: ['Eastholme', 'Brackley End', 'Stanway Common'],
    streets: ['Canal Side', 'Weavers Yard', 'Bridle Path', 'Granary Street', 'Copse Road'],
    postcodeArea: 'NX',
  },
};

export const SUPPORTED_ACCOMMODATION_NAMES: readonly string[] = [
  'Flat 3, Linden House',
  'Room 7, Cedar Court (supported housing)',
  'Flat 2, Oakfield Project',
  'Room 4, Harbour View Hostel',
];

// --- Conditions (s17B(2)) -----------------------------------------------------------------------

export interface ConditionTemplate {
  readonly category: ConditionCategory;
  readonly wording: string;
  readonly purpose: ConditionPurpose;
}

export const ATTEND_CONDITION: ConditionTemplate = {
  category: 'ATTEND_APPOINTMENTS',
  wording:
    'To attend appointments with the care coordinator at least every two weeks, and with the responsible clinician when asked.',
  purpose: 'ENSURE_TREATMENT',
};

export const RESIDENCE_CONDITION: ConditionTemplate = {
  category: 'RESIDENCE',
  wording:
    'To live at the address agreed with the care team, and to tell the care coordinator before moving.',
  purpose: 'PREVENT_RISK_TO_PATIENT',
};

export const OPTIONAL_CONDITIONS: readonly ConditionTemplate[] = [
  {
    category: 'MEDICATION',
    wording:
      'To attend the depot clinic as arranged to receive the medication prescribed by the responsible clinician.',
    purpose: 'ENSURE_TREATMENT',
  },
  {
    category: 'ACCEPT_VISITS',
    wording: 'To allow the care coordinator to visit at home at least once a week.',
    purpose: 'ENSURE_TREATMENT',
  },
  {
    category: 'ABSTAIN_FROM_SUBSTANCES',
    wording: 'Not to use illicit drugs, including cannabis.',
    purpose: 'PREVENT_RISK_TO_PATIENT',
  },
  {
    category: 'AVOID_PLACES_OR_PEOPLE',
    wording:
      'Not to go to the street where a former partner lives, or contact the former partner except through the care team.',
    purpose: 'PROTECT_OTHERS',
  },
  {
    category: 'OTHER',
    wording:
      'To take part in the agreed weekly psychology sessions with the early intervention team.',
    purpose: 'ENSURE_TREATMENT',
  },
];

// --- Reasons written on forms ----------------------------------------------------------------

export const CTO_GROUNDS: readonly string[] = [
  'Paranoid schizophrenia with three admissions in four years, each after stopping depot medication. Settled on the ward; insight is partial. Can be treated in the community if recall remains available.',
  'Schizoaffective disorder. Relapses have followed disengagement and cannabis use, with serious self-neglect. Now well and keen to return home; community treatment is appropriate with the power of recall.',
  'Bipolar affective disorder with recurrent manic relapses after stopping mood stabiliser, one with a risk to others. Stable for eight weeks on leave.',
  'Treatment-resistant schizophrenia on clozapine. Previous relapses were rapid and severe. Needs regular blood monitoring and supervision of treatment in the community.',
  'Psychotic illness with a pattern of relapse and risk to others when unwell. Has responded to depot treatment; successful extended section 17 leave.',
];

export const EXTENSION_REASONS: readonly string[] = [
  'Remains well on depot medication but continues to say that treatment would stop without the order. The history shows rapid relapse when treatment stops.',
  'Engagement has improved and there have been no admissions this period; insight remains limited. Stepping down is planned for the next review.',
  'Recall was needed this period after a deterioration; settled quickly once treatment restarted. Continued liability to recall is necessary.',
  'Stable, working part time. The care team and the patient agree that one more period will support a planned reduction of contact.',
];

export const RECALL_REASONS: readonly string[] = [
  'Has refused depot medication for four weeks, with returning persecutory beliefs and threats towards neighbours.',
  'Rapid deterioration over ten days: not eating, not sleeping, increasingly distressed; home visits refused.',
  'Relapse of manic symptoms with reckless spending and driving; family concerned for safety.',
  'Did not attend for examination under section 20A despite three appointments and a home visit.',
];

export const REVOCATION_REASONS: readonly string[] = [
  'Acutely psychotic since recall and refusing oral and depot medication. Needs a period of in-patient treatment that cannot be given under the order; informal admission is not accepted.',
  'Relapse with command hallucinations and risk to others. Treatment in hospital is necessary and the patient will not stay informally.',
];

export const DISCHARGE_REASONS: readonly string[] = [
  'Has remained well for over a year, engages voluntarily and takes medication without prompting. The criteria are no longer met.',
  'Stable and engaged; agrees to continue treatment as a voluntary patient. The power of recall is no longer necessary.',
  'Now settled in supported accommodation with good family support; risk is manageable without the order.',
];

// --- Social factors --------------------------------------------------------------------------

type NotesByRating = Readonly<Partial<Record<SocialRating, readonly string[]>>>;

export const SOCIAL_NOTES: Readonly<Record<SocialDomain, NotesByRating>> = {
  ACCOMMODATION: {
    STRENGTH: [
      'Settled council tenancy for several years; keeps the flat well.',
      'Stable supported housing with staff on site who know the patient well.',
    ],
    NO_CONCERN: [
      'Living with family; no housing concerns raised.',
      'Tenancy secure; rent paid by direct debit.',
    ],
    SOME_CONCERN: [
      'Rent arrears building up; housing officer aware.',
      'Temporary accommodation; waiting for a move-on flat.',
    ],
    SERIOUS_CONCERN: [
      'Notice to quit served after complaints from neighbours.',
      'Sofa-surfing since leaving the last placement; no fixed address.',
    ],
  },
  RELATIONSHIPS_AND_FAMILY: {
    STRENGTH: [
      'Close to a sister, who visits weekly and notices early signs of relapse.',
      'Supportive partner who attends reviews.',
    ],
    NO_CONCERN: [
      'Regular phone contact with parents.',
      'Some family contact; relationships described as fine.',
    ],
    SOME_CONCERN: [
      'Strained relationship with mother after arguments over medication.',
      'Recent separation; limited contact with children.',
    ],
    SERIOUS_CONCERN: [
      'Family relationships have broken down; brother no longer in contact.',
      'Conflict at home when unwell has led to police attendance.',
    ],
  },
  ACTIVITIES_AND_OCCUPATION: {
    STRENGTH: [
      'Goes to the allotment project three mornings a week.',
      'Plays in a weekly football session run by the recovery college.',
    ],
    NO_CONCERN: [
      'Some structure to the week: gym and visiting family.',
      'Attends a drop-in on Fridays.',
    ],
    SOME_CONCERN: [
      'Days mostly unstructured; sleeps late and stays in.',
      'Stopped going to the art group after a disagreement.',
    ],
    SERIOUS_CONCERN: ['No daytime activity at all; rarely leaves the flat.'],
  },
  EMPLOYMENT_AND_EDUCATION: {
    STRENGTH: [
      'Working part time in a warehouse; employer supportive of appointments.',
      'On an access course at the local college.',
    ],
    NO_CONCERN: ['Not working; not currently looking. No concern raised by the patient.'],
    SOME_CONCERN: [
      'Wants to work but worries about losing benefits; referred to employment support.',
      'Lost a job during the last relapse.',
    ],
    SERIOUS_CONCERN: ['Long-term unemployed; says there is no point trying.'],
  },
  FINANCES_AND_BENEFITS: {
    STRENGTH: ['Budgets well; appointee arrangement no longer needed.'],
    NO_CONCERN: ['Benefits in place; no debts reported.', 'Universal Credit and PIP in payment.'],
    SOME_CONCERN: [
      'PIP reassessment due; anxious about the outcome.',
      'Owes money to a friend; says it is manageable.',
    ],
    SERIOUS_CONCERN: [
      'Benefits sanctioned after missed appointments; relying on food bank.',
      'Significant debts and bailiff letters unopened.',
    ],
  },
  SUBSTANCE_USE: {
    STRENGTH: ['Abstinent from cannabis for over a year and proud of it.'],
    NO_CONCERN: [
      'No drug use; drinks occasionally and within safe limits.',
      'Denies any substance use; no concerns from family.',
    ],
    SOME_CONCERN: [
      'Occasional cannabis use at weekends; discussed the link with relapse.',
      'Drinking more since the separation.',
    ],
    SERIOUS_CONCERN: [
      'Daily cannabis use; previous relapses followed heavier use.',
      'Using crack cocaine with acquaintances; owes money.',
    ],
  },
  PHYSICAL_HEALTH: {
    STRENGTH: ['Walks daily and has lost weight since the last review.'],
    NO_CONCERN: [
      'Annual physical health check done with the GP.',
      'No physical health problems reported.',
    ],
    SOME_CONCERN: [
      'Weight gain on antipsychotic medication; raised blood sugar being followed up.',
      'Smokes twenty a day; offered stop-smoking support.',
    ],
    SERIOUS_CONCERN: ['Type 2 diabetes poorly controlled; missed diabetic clinic twice.'],
  },
  ISOLATION: {
    STRENGTH: ['Has a small group of friends from church and the football group.'],
    NO_CONCERN: ['Sees friends most weeks.', 'Lives with family and does not feel lonely.'],
    SOME_CONCERN: ['Describes feeling lonely at weekends.', 'Few contacts outside the care team.'],
    SERIOUS_CONCERN: ['Says the care coordinator is the only person they speak to.'],
  },
  RELATIONSHIP_WITH_CARE_TEAM: {
    STRENGTH: [
      'Good, trusting relationship with the care coordinator; contacts the team when worried.',
      'Values the continuity of the same coordinator for three years.',
    ],
    NO_CONCERN: ['Attends most appointments; relationship described as okay.'],
    SOME_CONCERN: [
      'Feels the order is a punishment; engagement is mostly about avoiding recall.',
      'A recent change of care coordinator was unsettling.',
    ],
    SERIOUS_CONCERN: ['Refusing contact with the team; door not answered on three visits.'],
  },
  CARER_INVOLVEMENT: {
    STRENGTH: ['Mother is the main carer and is well supported by a carers’ group.'],
    NO_CONCERN: [
      'No carer; lives independently and does not want family involved.',
      'Carer involved in reviews with the patient’s agreement.',
    ],
    SOME_CONCERN: [
      'Carer is exhausted and asking for a carer’s assessment.',
      'Patient objects to the nearest relative being told about appointments.',
    ],
    SERIOUS_CONCERN: ['Elderly carer in poor health; arrangement may break down.'],
  },
  CULTURE_AND_FAITH: {
    STRENGTH: [
      'Faith community offers practical and social support; attends weekly.',
      'Reconnected with a community centre for people from the same home country.',
    ],
    NO_CONCERN: ['No particular cultural or faith needs identified.'],
    SOME_CONCERN: [
      'Feels staff do not understand their cultural background; advocate offered.',
      'Needs an interpreter for reviews, which are sometimes arranged late.',
    ],
    SERIOUS_CONCERN: [
      'Says previous experiences of racism in services make it hard to trust the team.',
    ],
  },
};

export const ASSESSMENT_SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  MAKING: [
    'Social circumstances considered before the order: housing and family support are in place for discharge.',
    'Main social concerns are isolation and money; plan agreed to address both alongside the order.',
  ],
  EXTENSION: [
    'Social picture largely unchanged; relationships and activities remain protective.',
    'Some improvement in activities and engagement; housing remains the main worry.',
  ],
  RECALL: [
    'Deterioration followed loss of housing support and increased substance use.',
    'Recall after a period of isolation and disengagement.',
  ],
  REVOCATION: [
    'Social supports had broken down before the relapse; discharge planning will need new accommodation.',
  ],
  DISCHARGE: [
    'Stable housing, good relationships and daytime activity support discharge from the order.',
  ],
  REVIEW: ['Routine review of social circumstances.'],
};

// --- Contacts and care activities ------------------------------------------------------------

export const CONTACT_SUMMARIES: Readonly<Record<ContactMode, readonly string[]>> = {
  HOME_VISIT: [
    'Home visit. Mental state settled; flat tidy. Talked about plans for the week.',
    'Home visit with support worker. Some low mood; agreed to see the GP about sleep.',
    'Home visit. Reported hearing voices less often; checked medication supply.',
  ],
  CLINIC: [
    'Depot given in clinic. No side effects reported.',
    'Outpatient review with the responsible clinician. Mental state stable; medication unchanged.',
    'Clinic appointment. Discussed the order and the wish to come off it.',
  ],
  COMMUNITY_SETTING: [
    'Met in a café near home. Talked about the college course and finances.',
    'Met at the allotment project; good engagement, bright in mood.',
  ],
  TELEPHONE: [
    'Phone call to rearrange the visit. Says things are going well.',
    'Phone call from sister, worried about sleep and irritability; visit brought forward.',
  ],
  VIDEO: ['Video review with the responsible clinician; family member joined.'],
  WARD_VISIT: [
    'Visited on the ward after recall. Distressed but accepting medication.',
    'Ward visit to plan discharge back to the community.',
  ],
  DID_NOT_ATTEND: ['Did not attend clinic. Letter sent and follow-up call arranged.'],
  NO_ACCESS: ['No answer at home visit. Card left; will try again in two days.'],
};

export const CARE_ACTIVITIES: Readonly<Record<CareActivityKind, readonly string[]>> = {
  HOUSING_SUPPORT: [
    'Supported housing application made.',
    'Letter to housing officer about rent arrears plan.',
  ],
  BENEFITS_AND_MONEY: [
    'Helped complete the PIP review form.',
    'Referred to the welfare rights adviser.',
  ],
  EMPLOYMENT_OR_EDUCATION: [
    'Referred to individual placement and support (IPS) employment service.',
    'Enrolled on a college access course.',
  ],
  SOCIAL_ACTIVITY: [
    'Joined the recovery college football group.',
    'Started at the allotment project.',
  ],
  FAMILY_OR_CARER_WORK: [
    'Carer’s assessment requested for mother.',
    'Family meeting about relapse signs.',
  ],
  PHYSICAL_HEALTH: [
    'Annual physical health check booked with GP.',
    'Referred to stop-smoking service.',
  ],
  SUBSTANCE_USE_SUPPORT: [
    'Referred to the drug and alcohol service.',
    'Agreed a plan to cut down cannabis.',
  ],
  ADVOCACY_REFERRAL: ['Referred to the independent mental health advocate (IMHA).'],
  MEDICATION_SUPPORT: [
    'Depot clinic reminders set up by text message.',
    'Dosette box arranged with the pharmacy.',
  ],
  CULTURE_OR_FAITH: [
    'Put in touch with a community group that shares the same first language.',
    'Arranged for the faith leader to visit with the patient’s agreement.',
  ],
  OTHER: ['Helped register with a new GP after moving.'],
};

export const SOAD_NAMES: readonly string[] = [
  'Dr Peter Lamb',
  'Dr Fiona Gallacher',
  'Dr Anil Mehta',
];
