// A report draft as it stands (issue 9 §2): each template section's latest saved text, or the
// pre-filled text when nobody has saved it yet, with who saved which version when; and the
// same draft as DocumentContent for the renderers (lib/documents). Pure: no database.
import type { DocumentContent, DocumentPatient, DocumentSignature } from '@/lib/documents/content';
import { paragraphsOf, type PrefilledSection } from './prefill';
import type { ReportTemplate } from './templates';

export interface SectionVersionRow {
  sectionKey: string;
  version: number;
  text: string;
  savedByName: string;
  savedAt: Date;
}

export interface DraftSection {
  key: string;
  number: number;
  heading: string;
  guidance: string | null;
  legalReview: boolean;
  text: string;
  sources: string[];
  /** 0 while the pre-filled text stands; the latest saved version otherwise. */
  version: number;
  history: { version: number; savedByName: string; savedAt: Date }[];
}

export function mergeDraft(
  template: ReportTemplate,
  prefill: readonly PrefilledSection[],
  versions: readonly SectionVersionRow[],
): DraftSection[] {
  return template.sections.map((section, i) => {
    const mine = versions
      .filter((v) => v.sectionKey === section.key)
      .sort((a, b) => b.version - a.version);
    const latest = mine[0];
    const pre = prefill.find((p) => p.key === section.key);
    return {
      key: section.key,
      number: i + 1,
      heading: section.heading,
      guidance: section.guidance ?? null,
      legalReview: section.legalReview === true,
      text: latest ? latest.text : (pre?.text ?? ''),
      sources: pre?.sources ?? [],
      version: latest?.version ?? 0,
      history: mine.map((v) => ({
        version: v.version,
        savedByName: v.savedByName,
        savedAt: v.savedAt,
      })),
    };
  });
}

/** The latest version of a section (0 when only the pre-fill stands). */
export function latestVersion(versions: readonly SectionVersionRow[], sectionKey: string): number {
  return versions
    .filter((v) => v.sectionKey === sectionKey)
    .reduce((max, v) => Math.max(max, v.version), 0);
}

export interface Signatures {
  signed: { name: string; role: string; on: string } | null;
  countersigned: { name: string; role: string; on: string } | null;
}

export function reportContent(input: {
  template: ReportTemplate;
  sections: readonly DraftSection[];
  patient: DocumentPatient;
  subtitle?: string;
  signatures: Signatures;
  withheldFromPatient: boolean;
  /** Rule 14: which part is withheld and why; the document ends with it. */
  withheldReason?: string | null;
  final: boolean;
}): DocumentContent {
  const signatures: DocumentSignature[] = [];
  const s = input.signatures;
  if (s.signed) {
    signatures.push({
      kind: 'SIGNED',
      name: s.signed.name,
      role: s.signed.role,
      signedOn: s.signed.on,
    });
  }
  if (s.countersigned) {
    signatures.push({
      kind: 'COUNTERSIGNED',
      name: s.countersigned.name,
      role: s.countersigned.role,
      signedOn: s.countersigned.on,
    });
  }
  return {
    title: input.template.title,
    ...(input.subtitle ? { subtitle: input.subtitle } : {}),
    patient: input.patient,
    sections: [
      ...input.sections.map((section) => ({
        heading: section.heading,
        paragraphs: paragraphsOf(section.text),
        ...(section.sources.length ? { sources: section.sources } : {}),
      })),
      ...(input.withheldFromPatient
        ? [
            {
              heading: 'Withheld from the patient (tribunal rule 14)',
              paragraphs: [
                'This report, or the part named below, should not be disclosed to the patient. It is sent to the tribunal separately from the bundle.',
                ...(input.withheldReason ? paragraphsOf(input.withheldReason) : []),
              ],
            },
          ]
        : []),
    ],
    signatures,
    withheldFromPatient: input.withheldFromPatient,
    draft: !input.final,
  };
}
