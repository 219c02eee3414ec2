// Issue 9, part 3: documents out, over HTTP as the MHA office. The ids come from the bench
// database when the cases are loaded: the patient with the longest order history (its
// chronology as DOCX: a report's longest section, with years of history; goal <= 1 s) and the
// tribunal case of the order with the most events (its bundle as PDF; goal <= 5 s). Report drafts
// join when their document source is registered. scripts/bench/documents-render.ts times the
// renderers alone on a five-year report and a 60-page bundle.
import pg from 'pg';
import type { BenchCase } from '../types';

async function benchIds(): Promise<{ patientId: string; caseId: string | null } | null> {
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
    const patientId = patient.rows[0]?.patientId;
    return patientId ? { patientId, caseId: tcase.rows[0]?.id ?? null } : null;
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
