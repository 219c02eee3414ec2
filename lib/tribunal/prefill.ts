// Pre-filling a report's sections from what the app already knows (issue 9 §2). Pure: the record
// is gathered by lib/server/queries/tribunal-report-record.ts and passed in as plain data; no
// database, no clock (the record says what day it was gathered). Every paragraph names where it
// came from, because the Practice Direction wants the sources of information made clear. Dates
// here are only shown, never worked out: statutory dates come from lib/cto via the record.
import type { PrefillSource, ReportTemplate } from './templates';

type IsoDate = string;

export interface ReportRecord {
  /** The day the record was read (England). */
  asOf: IsoDate;
  patient: {
    name: string;
    otherNames: string | null;
    dateOfBirth: IsoDate;
    ageYears: number;
    address: string | null;
    firstLanguage: string;
    interpreterNeeded: boolean;
    interpreterLanguage: string | null;
    maritalStatus: string;
    accommodationStatus: string;
    employmentStatus: string;
    mappa: { category: string | null; level: string | null };
    s117LocalAuthority: string | null;
    s117Icb: string | null;
  };
  order: {
    madeOn: IsoDate | null;
    state: string;
    responsibleHospital: string | null;
  } | null;
  /** Admissions, orders, extensions, recalls, revocations, discharges, hearings: oldest first. */
  chronology: {
    on: IsoDate;
    kind: string;
    title: string;
    detail: string | null;
    form: string | null;
  }[];
  conditions: { mandatory: boolean; wording: string; since: IsoDate; suspended: boolean }[];
  careTeam: {
    rc: { name: string; since: IsoDate } | null;
    careCoordinator: { name: string; since: IsoDate } | null;
    formerRcs: { name: string; from: IsoDate; to: IsoDate }[];
  };
  nearestRelative: {
    name: string;
    relationship: string;
    address: string | null;
    patientObjects: boolean;
    displacedByCourt: boolean;
  } | null;
  carers: { name: string; relationship: string | null }[];
  /** Social factors assessments, oldest first, each with its ratings by domain. */
  socialAssessments: {
    assessedOn: IsoDate;
    decisionPoint: string;
    ratings: { domain: string; rating: string; notes: string | null }[];
  }[];
  /** The most recent contacts, newest first. */
  contacts: { on: IsoDate; mode: string; staff: string; summary: string }[];
  careActivities: {
    kind: string;
    description: string;
    startedOn: IsoDate;
    endedOn: IsoDate | null;
  }[];
  qualityOfLife: {
    ratedOn: IsoDate;
    instrument: string;
    score: number;
    maxScore: number;
    selfRated: boolean;
  }[];
  previousTribunals: {
    receivedOn: IsoDate;
    kind: string;
    basis: string;
    status: string;
    hearings: { heldOn: IsoDate | null; outcome: string | null }[];
  }[];
}

export interface PrefilledSection {
  key: string;
  heading: string;
  /** The editable text: paragraphs separated by a blank line. Empty when the record has nothing. */
  text: string;
  sources: string[];
}

const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "4 March 2025" from '2025-03-04'. */
export function longDate(iso: IsoDate): string {
  return LONG.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * An event's title with its statutory form in brackets, once: most event labels already name
 * their form ("Order made (CTO1)"), and the report must not say it twice.
 */
function withForm(e: { title: string; form: string | null }): string {
  return e.form && !e.title.includes(`(${e.form})`) ? `${e.title} (${e.form})` : e.title;
}

function words(code: string): string {
  const s = code.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const DOMAIN_LABELS: Record<string, string> = {
  ACCOMMODATION: 'Accommodation',
  RELATIONSHIPS_AND_FAMILY: 'Relationships and family',
  ACTIVITIES_AND_OCCUPATION: 'Activities and occupation',
  EMPLOYMENT_AND_EDUCATION: 'Employment and education',
  FINANCES_AND_BENEFITS: 'Finances and benefits',
  SUBSTANCE_USE: 'Substance use',
  PHYSICAL_HEALTH: 'Physical health',
  ISOLATION: 'Isolation',
  RELATIONSHIP_WITH_CARE_TEAM: 'Relationship with the care team',
  CARER_INVOLVEMENT: 'Carer involvement',
  CULTURE_AND_FAITH: 'Culture and faith',
};
const RATING_LABELS: Record<string, string> = {
  STRENGTH: 'a strength',
  NO_CONCERN: 'no concern',
  SOME_CONCERN: 'some concern',
  SERIOUS_CONCERN: 'serious concern',
  NOT_ASSESSED: 'not assessed',
};
const RATING_RANK: Record<string, number> = {
  STRENGTH: 0,
  NO_CONCERN: 1,
  SOME_CONCERN: 2,
  SERIOUS_CONCERN: 3,
};

interface Part {
  paragraphs: string[];
  sources: string[];
}
const none: Part = { paragraphs: [], sources: [] };

/** How each domain moved across the assessments: first rating → latest, better or worse. */
function socialDomains(record: ReportRecord, domains: readonly string[]): Part {
  const list = record.socialAssessments;
  if (list.length === 0) return none;
  const paragraphs: string[] = [];
  for (const domain of domains) {
    const rated = list
      .map((a) => ({ a, r: a.ratings.find((r) => r.domain === domain) }))
      .filter((x): x is { a: (typeof list)[number]; r: NonNullable<typeof x.r> } =>
        Boolean(x.r && x.r.rating !== 'NOT_ASSESSED'),
      );
    if (rated.length === 0) continue;
    const last = rated[rated.length - 1];
    const first = rated[0];
    if (!last || !first) continue;
    let line = `${DOMAIN_LABELS[domain] ?? words(domain)}: ${RATING_LABELS[last.r.rating] ?? words(last.r.rating)} at the assessment of ${longDate(last.a.assessedOn)}`;
    if (rated.length > 1) {
      const from = RATING_RANK[first.r.rating];
      const to = RATING_RANK[last.r.rating];
      const moved =
        from === undefined || to === undefined || from === to
          ? 'unchanged'
          : to < from
            ? 'better'
            : 'worse';
      line += ` (${moved} since ${longDate(first.a.assessedOn)}, when it was ${RATING_LABELS[first.r.rating] ?? words(first.r.rating)})`;
    }
    line += '.';
    if (last.r.notes) line += ` ${last.r.notes}`;
    paragraphs.push(line);
  }
  if (paragraphs.length === 0) return none;
  return {
    paragraphs,
    sources: list.map(
      (a) =>
        `Social factors assessment of ${longDate(a.assessedOn)} (${words(a.decisionPoint).toLowerCase()})`,
    ),
  };
}

function part(record: ReportRecord, source: PrefillSource): Part {
  const p = record.patient;
  switch (source) {
    case 'patient-details': {
      const paragraphs = [
        `${p.name}${p.otherNames ? `, also known in the records as ${p.otherNames}` : ''}. Born ${longDate(p.dateOfBirth)}, aged ${p.ageYears}.`,
        p.address ? `Lives at ${p.address}.` : 'No address is recorded.',
      ];
      return { paragraphs, sources: ['Patient record'] };
    }
    case 'language': {
      const english = p.firstLanguage.trim().toLowerCase() === 'english';
      const line = p.interpreterNeeded
        ? `First language: ${p.firstLanguage}. An interpreter is needed${p.interpreterLanguage ? ` (${p.interpreterLanguage})` : ''}.`
        : `First language: ${p.firstLanguage}.${english ? '' : ' No interpreter is recorded as needed.'}`;
      return { paragraphs: [line], sources: ['Patient record: language and interpreter'] };
    }
    case 'legal-history': {
      const o = record.order;
      const legal = record.chronology.filter((e) =>
        ['legal-status', 'order', 'recall', 'revocation', 'discharge'].includes(e.kind),
      );
      if (!o && legal.length === 0) return none;
      const paragraphs: string[] = [];
      if (o?.madeOn) {
        paragraphs.push(
          `The community treatment order was made on ${longDate(o.madeOn)}${o.responsibleHospital ? `; the responsible hospital is ${o.responsibleHospital}` : ''}. It is now ${words(o.state).toLowerCase()}.`,
        );
      }
      for (const e of legal) {
        paragraphs.push(`${longDate(e.on)}: ${withForm(e)}${e.detail ? `. ${e.detail}` : ''}.`);
      }
      return {
        paragraphs,
        sources: ['Community treatment order events and statutory forms as recorded'],
      };
    }
    case 'chronology': {
      if (record.chronology.length === 0) return none;
      return {
        paragraphs: record.chronology.map((e) => `${longDate(e.on)}: ${withForm(e)}.`),
        sources: [
          'Chronology of admissions, orders, extensions, recalls, revocations and hearings',
        ],
      };
    }
    case 'conditions': {
      if (record.conditions.length === 0) return none;
      return {
        paragraphs: record.conditions.map(
          (c) =>
            `${c.mandatory ? 'Mandatory condition (section 17B(3))' : 'Condition (section 17B(2))'}: ${c.wording}. In force since ${longDate(c.since)}${c.suspended ? '; suspended at present' : ''}.`,
        ),
        sources: ['Conditions of the order (CTO1 and any CTO2 variation)'],
      };
    }
    case 'care-team': {
      const t = record.careTeam;
      const paragraphs: string[] = [];
      if (t.rc) {
        paragraphs.push(
          `Responsible clinician: ${t.rc.name}, responsible since ${longDate(t.rc.since)}.`,
        );
      }
      for (const f of t.formerRcs) {
        paragraphs.push(
          `Earlier responsible clinician: ${f.name}, from ${longDate(f.from)} to ${longDate(f.to)}.`,
        );
      }
      if (t.careCoordinator) {
        paragraphs.push(
          `Care co-ordinator: ${t.careCoordinator.name}, since ${longDate(t.careCoordinator.since)}.`,
        );
      }
      return paragraphs.length ? { paragraphs, sources: ['Care team assignments'] } : none;
    }
    case 'nearest-relative': {
      const nr = record.nearestRelative;
      if (!nr) {
        return {
          paragraphs: ['No nearest relative is recorded.'],
          sources: ['Nearest relative record'],
        };
      }
      return {
        paragraphs: [
          `Nearest relative: ${nr.name} (${nr.relationship})${nr.address ? `, ${nr.address}` : ''}${nr.displacedByCourt ? ', appointed by the county court' : ''}.`,
          nr.patientObjects
            ? 'The patient objects to the nearest relative being contacted or informed.'
            : 'The patient is not recorded as objecting to the nearest relative being contacted or informed.',
        ],
        sources: ['Nearest relative record'],
      };
    }
    case 'carers': {
      if (record.carers.length === 0) return none;
      return {
        paragraphs: record.carers.map(
          (c) => `${c.name}${c.relationship ? ` (${c.relationship})` : ''} supports the patient.`,
        ),
        sources: ['Carers recorded on the patient record'],
      };
    }
    case 's117': {
      return {
        paragraphs: [
          `Local social services authority with the section 117 after-care duty: ${p.s117LocalAuthority ?? 'not recorded'}.`,
          `Integrated care board with the section 117 after-care duty: ${p.s117Icb ?? 'not recorded'}.`,
        ],
        sources: ['Patient record: section 117 authorities'],
      };
    }
    case 'previous-tribunals': {
      if (record.previousTribunals.length === 0) {
        return {
          paragraphs: ['No previous tribunal application or reference is recorded.'],
          sources: ['Tribunal cases recorded'],
        };
      }
      return {
        paragraphs: record.previousTribunals.map((c) => {
          const held = c.hearings.filter((h) => h.heldOn);
          const outcome = held.length
            ? held
                .map(
                  (h) =>
                    `heard on ${longDate(h.heldOn as string)}: ${h.outcome ? words(h.outcome).toLowerCase() : 'outcome not recorded'}`,
                )
                .join('; ')
            : `no hearing recorded (${words(c.status).toLowerCase()})`;
          return `${words(c.kind)} (${c.basis}) received ${longDate(c.receivedOn)}; ${outcome}.`;
        }),
        sources: ['Tribunal cases and hearings recorded'],
      };
    }
    case 'social:home-family':
      return socialDomains(record, ['RELATIONSHIPS_AND_FAMILY', 'CARER_INVOLVEMENT', 'ISOLATION']);
    case 'social:accommodation': {
      const s = socialDomains(record, ['ACCOMMODATION']);
      return {
        paragraphs: [
          `Accommodation recorded: ${words(p.accommodationStatus).toLowerCase()}.`,
          ...s.paragraphs,
        ],
        sources: ['Patient record', ...s.sources],
      };
    }
    case 'social:finances':
      return socialDomains(record, ['FINANCES_AND_BENEFITS']);
    case 'social:occupation': {
      const s = socialDomains(record, ['EMPLOYMENT_AND_EDUCATION', 'ACTIVITIES_AND_OCCUPATION']);
      return {
        paragraphs: [
          `Employment recorded: ${words(p.employmentStatus).toLowerCase()}.`,
          ...s.paragraphs,
        ],
        sources: ['Patient record', ...s.sources],
      };
    }
    case 'social:strengths': {
      const latest = record.socialAssessments[record.socialAssessments.length - 1];
      if (!latest) return none;
      const strengths = latest.ratings.filter((r) => r.rating === 'STRENGTH');
      if (strengths.length === 0) return none;
      return {
        paragraphs: [
          `Rated a strength at the assessment of ${longDate(latest.assessedOn)}: ${strengths.map((r) => (DOMAIN_LABELS[r.domain] ?? words(r.domain)).toLowerCase()).join(', ')}.`,
        ],
        sources: [`Social factors assessment of ${longDate(latest.assessedOn)}`],
      };
    }
    case 'contacts': {
      if (record.contacts.length === 0) return none;
      return {
        paragraphs: record.contacts.map(
          (c) => `${longDate(c.on)}, ${words(c.mode).toLowerCase()} with ${c.staff}: ${c.summary}`,
        ),
        sources: [`Contacts recorded (the ${record.contacts.length} most recent)`],
      };
    }
    case 'care-activities': {
      if (record.careActivities.length === 0) return none;
      return {
        paragraphs: record.careActivities.map(
          (a) =>
            `${words(a.kind)}: ${a.description} (from ${longDate(a.startedOn)}${a.endedOn ? ` to ${longDate(a.endedOn)}` : ', continuing'}).`,
        ),
        sources: ['Care activities recorded'],
      };
    }
    case 'quality-of-life': {
      if (record.qualityOfLife.length === 0) return none;
      return {
        paragraphs: record.qualityOfLife.map(
          (q) =>
            `${longDate(q.ratedOn)}: ${q.instrument} ${q.score} out of ${q.maxScore} (${q.selfRated ? 'rated by the patient' : 'rated by staff'}).`,
        ),
        sources: ['Quality-of-life ratings recorded'],
      };
    }
    case 'mappa': {
      if (!p.mappa.category) {
        return {
          paragraphs: ['The patient is not recorded as known to MAPPA.'],
          sources: ['Patient record: MAPPA'],
        };
      }
      return {
        paragraphs: [
          `Known to MAPPA: ${words(p.mappa.category).toLowerCase()}${p.mappa.level ? `, ${words(p.mappa.level).toLowerCase()}` : ''}.`,
        ],
        sources: ['Patient record: MAPPA'],
      };
    }
    case 'sources':
      return {
        paragraphs: [
          `This report draws on the electronic record of the community treatment order as it stood on ${longDate(record.asOf)}, and on the author's own knowledge of the patient. Each section names the records it was first written from.`,
        ],
        sources: [],
      };
  }
}

/** Every section of the template, pre-filled from the record with its sources named. */
export function prefillReport(template: ReportTemplate, record: ReportRecord): PrefilledSection[] {
  return template.sections.map((section) => {
    const paragraphs: string[] = [];
    const sources: string[] = [];
    for (const source of section.prefill) {
      const got = part(record, source);
      for (const para of got.paragraphs) if (!paragraphs.includes(para)) paragraphs.push(para);
      for (const s of got.sources) if (!sources.includes(s)) sources.push(s);
    }
    return { key: section.key, heading: section.heading, text: paragraphs.join('\n\n'), sources };
  });
}

/** The text of a section as paragraphs (blank lines between them), for the document. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
