import 'server-only';
// The tribunal bundle (issue 9, part 3): one PDF per tribunal case (the document id is the
// case's id), with an index and continuous page numbers: the responsible authority's
// statement and the reports (whatever other document sources list for this case at run time,
// so report drafts appear once their source is registered), the chronology, and copies of the
// statutory forms of the case's order. A document withheld from the patient (rule 14) is kept
// out of the bundle and named in the index as supplied separately.
import { assembleBundle, type BundlePart } from '@/lib/documents/bundle';
import { renderPdf } from '@/lib/documents/pdf';
import { fileNameFor } from '@/lib/documents/labels';
import { formatDate } from '@/lib/format';
import type { Prisma, TribunalDocumentKind } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { fromDbDate, londonDateOf } from '@/lib/server/dates';
import { resolvePatientAccess, type QueryContext } from '@/lib/server/queries/access';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
} from '@/lib/server/queries/tribunal-paperwork';
import { chronologyDocument } from './chronology-source';
import type { DocumentListItem, DocumentSource, LoadedDocument } from './registry';
import { CONTENT_TYPES, documentPatient, UUID } from './patient';
import { listFormRows, renderFormPdf } from './statutory-form-source';

export const BUNDLE_KIND = 'TRIBUNAL_BUNDLE';
/** The sources the bundle draws on directly, not through the registry. */
const DRAWN_DIRECTLY = new Set(['tribunal-bundle', 'statutory-forms', 'chronology']);

/** The order of the bundle's tabs: statement, then reports (PD order), then anything else. */
const TAB_ORDER: readonly string[] = [
  'RESPONSIBLE_AUTHORITY_STATEMENT',
  'RC_REPORT',
  'SOCIAL_CIRCUMSTANCES_REPORT',
  'NURSING_REPORT',
];

const caseSelect = {
  id: true,
  patientId: true,
  orderId: true,
  kind: true,
  basis: true,
  receivedOn: true,
  status: true,
  tribunalReference: true,
  patient: { select: { givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true } },
  documents: { select: { kind: true, status: true } },
} satisfies Prisma.TribunalCaseSelect;
type CaseRow = Prisma.TribunalCaseGetPayload<{ select: typeof caseSelect }>;

function caseTitle(c: Pick<CaseRow, 'kind' | 'basis' | 'receivedOn'>): string {
  const what = c.kind === 'REFERENCE' ? 'reference' : 'application';
  return `Tribunal bundle: ${what} under ${c.basis}, received ${formatDate(fromDbDate(c.receivedOn))}`;
}

function item(c: CaseRow): DocumentListItem {
  return {
    id: c.id,
    kind: BUNDLE_KIND,
    status: c.status,
    tribunalCaseId: c.id,
    title: caseTitle(c),
    withheldFromPatient: false,
  };
}

async function scopedWhere(ctx: QueryContext): Promise<Prisma.PatientWhereInput> {
  return (await resolvePatientAccess(ctx, 'read:patient', { includeBreakGlass: true })).where;
}

/** The bundle's parts, in tab order, and what could not go in. */
const BUNDLED_STATUSES = new Set(['SIGNED', 'SENT']);

export async function bundleParts(
  ctx: QueryContext,
  c: CaseRow,
): Promise<{ parts: BundlePart[]; keptSeparate: string[]; missing: string[] }> {
  const { documentSources } = await import('./registry');
  const parts: BundlePart[] = [];
  const keptSeparate: string[] = [];
  const reportParts: { kind: string; part: BundlePart }[] = [];
  const keptKinds = new Set<string>();
  for (const source of documentSources) {
    if (DRAWN_DIRECTLY.has(source.name)) continue;
    const items = (await source.list(ctx, c.patientId)).filter((i) => i.tribunalCaseId === c.id);
    for (const i of items) {
      // What goes to the tribunal is signed: a report still being written is listed as not
      // yet in the bundle, with where it has got to (decision 782).
      // A report withheld from the patient (rule 14) is named as kept separate, whatever its
      // status (decision 782), and not listed again as missing.
      if (i.withheldFromPatient) {
        keptSeparate.push(i.title);
        keptKinds.add(i.kind);
        continue;
      }
      if (!BUNDLED_STATUSES.has(i.status)) continue;
      const loaded = await source.load(ctx, i.id);
      if (!loaded || !loaded.formats.includes('pdf')) continue;
      const file = await loaded.render('pdf');
      reportParts.push({ kind: i.kind, part: { title: i.title, bytes: file.bytes } });
    }
  }
  const rank = (k: string) => {
    const r = TAB_ORDER.indexOf(k);
    return r === -1 ? TAB_ORDER.length : r;
  };
  reportParts.sort((a, b) => rank(a.kind) - rank(b.kind));
  parts.push(...reportParts.map((r) => r.part));
  const included = new Set(reportParts.map((r) => r.kind));
  const missing = c.documents
    .filter((d) => !included.has(d.kind) && !keptKinds.has(d.kind))
    .sort((a, b) => rank(a.kind) - rank(b.kind))
    .map(
      (d) =>
        `${DOCUMENT_KIND_LABELS[d.kind as TribunalDocumentKind]} (${DOCUMENT_STATUS_LABELS[d.status].toLowerCase()})`,
    );

  parts.push({
    title: 'Chronology',
    bytes: await renderPdf(await chronologyDocument(ctx, c.patientId)),
  });

  const forms = await listFormRows(ctx, c.patientId, { orderId: c.orderId, liveOnly: true });
  for (const f of forms) {
    parts.push({
      title: `Copy of Form ${f.type} (recorded ${formatDate(londonDateOf(f.createdAt))})`,
      bytes: await renderFormPdf(ctx, f),
    });
  }
  return { parts, keptSeparate, missing };
}

export const bundleSource: DocumentSource = {
  name: 'tribunal-bundle',
  async list(ctx, patientId) {
    const where = await scopedWhere(ctx);
    const rows = await (ctx.client ?? db).tribunalCase.findMany({
      where: { patientId, patient: where, enteredInErrorAt: null },
      orderBy: [{ receivedOn: 'desc' }, { id: 'asc' }],
      select: caseSelect,
    });
    return rows.map(item);
  },
  async load(ctx, id): Promise<LoadedDocument | null> {
    if (!UUID.test(id)) return null;
    const where = await scopedWhere(ctx);
    const c = await (ctx.client ?? db).tribunalCase.findFirst({
      where: { id, patient: where, enteredInErrorAt: null },
      select: caseSelect,
    });
    if (!c) return null;
    return {
      item: item(c),
      patientId: c.patientId,
      formats: ['pdf'],
      async render() {
        const built = await bundleParts(ctx, c);
        const patient = documentPatient(c.patient);
        const subtitle = [
          `Patient: ${patient.name}`,
          c.tribunalReference ? `Tribunal reference: ${c.tribunalReference}` : null,
          `Put together on ${formatDate(londonDateOf(ctx.now ?? new Date()))}`,
          built.missing.length ? `Not yet in this bundle: ${built.missing.join('; ')}.` : null,
        ].filter((s): s is string => s !== null);
        const bundle = await assembleBundle(built.parts, {
          title: caseTitle(c),
          patient,
          subtitle,
          keptSeparate: built.keptSeparate,
        });
        return {
          bytes: bundle.bytes,
          contentType: CONTENT_TYPES.pdf,
          fileName: fileNameFor(`Tribunal bundle ${fromDbDate(c.receivedOn)}`, patient.name, 'pdf'),
        };
      },
    };
  },
};
