// Issue 9, part 3: documents out, over HTTP as the MHA office. The ids come from the bench
// database when the cases are loaded: the patient with the longest order history (its
// chronology as DOCX: a report's longest section, with years of history; goal <= 1 s) and the
// tribunal case of the order with the most events (its bundle as PDF; goal <= 5 s); and one
// report's DOCX (the RC's report, pre-filled from the record or as drafted) of the patient with
// the longest history among those with a report (goal <= 1 s; the bench seed makes report rows
// only where its tribunal seed does, so this may be a demo patient rather than the longest
// history of all: the case says whose it is by its event count). scripts/bench/documents-render.ts
// times the renderers alone on a five-year report and a 60-page bundle.
import pg from 'pg';
import type { BenchCase } from '../types';

async function benchIds(): Promise<{
  patientId: string;
  caseId: string | null;
  report: { id: string; events: number } | null;
} | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const patient = await client.query<{ patientId: string }>(
      `SELECT "patientId" FROM "CtoEvent" GROUP BY "patientId" ORDER BY count(*) DESC LIMIT 1`,
    );
    const tcase = await client.query<{ id: string }>(
      `SELECT tc.id FROM "TribunalCase" tc JOIN "CtoEvent" e ON e."orderId" = tc."orderId"
        WHERE tc."enteredInErrorAt" IS NULL GROUP BY tc.id ORDER BY count(*) DESC LIMIT 1`,
    );
    const report = await client.query<{ id: string; events: string }>(
      `SELECT td.id, e.n AS events FROM "TribunalDocument" td
         JOIN (SELECT "patientId", count(*) AS n FROM "CtoEvent" GROUP BY "patientId") e
           ON e."patientId" = td."patientId"
        WHERE td.kind = 'RC_REPORT' ORDER BY e.n DESC, td.id LIMIT 1`,
    );
    const patientId = patient.rows[0]?.patientId;
    const r = report.rows[0];
    return patientId
      ? {
          patientId,
          caseId: tcase.rows[0]?.id ?? null,
          report: r ? { id: r.id, events: Number(r.events) } : null,
        }
      : null;
  } finally {
    await client.end();
  }
}

const ids = await benchIds();

export default [
  ...(ids
    ? [
        {
          name: 'Documents: the longest history’s chronology as DOCX',
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/documents/chronology-${ids.patientId}?format=docx`,
          goalP50Ms: 1000,
          goalP95Ms: 1000,
        },
        {
          name: 'Documents: a patient’s documents list',
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/patients/${ids.patientId}/documents`,
          goalP50Ms: 500,
          goalP95Ms: 1000,
        },
      ]
    : []),
  ...(ids?.report
    ? [
        {
          name: `Documents: an RC report as DOCX (a patient with ${ids.report.events} events)`,
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/documents/${ids.report.id}?format=docx`,
          goalP50Ms: 1000,
          goalP95Ms: 1000,
        },
      ]
    : []),
  ...(ids?.caseId
    ? [
        {
          name: 'Documents: a tribunal bundle as PDF',
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/documents/${ids.caseId}?format=pdf`,
          goalP50Ms: 5000,
          goalP95Ms: 5000,
        },
      ]
    : []),
] satisfies BenchCase[];
