// Issue 9, part 3: documents out, over HTTP as the MHA office. "One report's DOCX with five years
// of history in <= 1 s, a 60-page bundle PDF in <= 5 s." The bench seed (npm run bench:seed)
// writes one patient with five years of order history and an open tribunal case whose
// statement and reports are drafted and signed (scripts/lib/seed-five-year-patient.ts, decision
// 842); the cases find that patient by its local id, so they time the same two documents on
// every bench database: its RC's report as DOCX and its case's bundle as PDF. The bundle's page
// count is not stored anywhere: when the cases load (the bench server is up and signed in by
// then), this file signs in as the MHA office's bench account, downloads the bundle once and
// counts its pages with pdf-lib, so the case's name says how many pages were timed. Also: the
// patient's chronology as DOCX and the patient's documents list.
// scripts/bench/documents-render.ts times the renderers alone on the same sizes.
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
import { benchEmail, staffLayout } from '../../lib/seed-at-scale.ts';
import type { BenchCase } from '../types';

/** The five-year patient's local id (scripts/lib/seed-five-year-patient.ts FIVE_YEAR_LOCAL_ID). */
const FIVE_YEAR_LOCAL_ID = 'BENCH-FIVE-YEARS';

interface FiveYear {
  patientId: string;
  events: number;
  reportId: string | null;
  caseId: string | null;
}

async function fiveYearIds(): Promise<FiveYear | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{
      patientId: string;
      events: string;
      reportId: string | null;
      caseId: string | null;
    }>(
      `SELECT p.id AS "patientId",
              (SELECT count(*) FROM "CtoEvent" e WHERE e."patientId" = p.id) AS events,
              (SELECT td.id FROM "TribunalDocument" td JOIN "TribunalCase" tc ON tc.id = td."caseId"
                WHERE td."patientId" = p.id AND td.kind = 'RC_REPORT' AND tc.status = 'OPEN'
                  AND tc."enteredInErrorAt" IS NULL ORDER BY tc."receivedOn" DESC, td.id LIMIT 1) AS "reportId",
              (SELECT tc.id FROM "TribunalCase" tc
                WHERE tc."patientId" = p.id AND tc.status = 'OPEN' AND tc."enteredInErrorAt" IS NULL
                ORDER BY tc."receivedOn" DESC, tc.id LIMIT 1) AS "caseId"
         FROM "Patient" p WHERE p."localId" = $1`,
      [FIVE_YEAR_LOCAL_ID],
    );
    const row = found.rows[0];
    return row ? { ...row, events: Number(row.events) } : null;
  } finally {
    await client.end();
  }
}

/**
 * The bundle's page count: one download as the MHA office's first bench account (the account
 * npm run bench times the cases with), signed in through next-auth's routes as the bench does.
 * Null when the server cannot be reached or the download fails: the case is still timed.
 */
async function bundlePages(caseId: string): Promise<number | null> {
  const base =
    process.env.BENCH_URL?.replace(/\/$/, '') ??
    `http://127.0.0.1:${Number(process.env.BENCH_PORT ?? 3103)}`;
  const range = staffLayout(Number(process.env.BENCH_STAFF ?? 2000)).MHA_ADMINISTRATOR;
  const email = benchEmail(range[0]);
  const cookies = new Map<string, string>();
  const call = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  };
  try {
    const { csrfToken } = (await (await call('/api/auth/csrf')).json()) as { csrfToken: string };
    await (
      await call('/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          csrfToken,
          email,
          password: process.env.BENCH_PASSWORD ?? 'bench-password',
          callbackUrl: '/',
        }),
      })
    ).arrayBuffer();
    const response = await call(`/api/v1/documents/${caseId}?format=pdf`);
    if (response.status !== 200) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return (await PDFDocument.load(bytes)).getPageCount();
  } catch {
    return null;
  }
}

const five = await fiveYearIds();
const pages = five?.caseId ? await bundlePages(five.caseId) : null;

export default [
  ...(five
    ? [
        {
          name: `Documents: chronology DOCX, five years of history (${five.events} events)`,
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/documents/chronology-${five.patientId}?format=docx`,
          goalP50Ms: 1000,
          goalP95Ms: 1000,
        },
        {
          name: 'Documents: a patient’s documents list (five years of history)',
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/patients/${five.patientId}/documents`,
          goalP50Ms: 500,
          goalP95Ms: 1000,
        },
      ]
    : []),
  ...(five?.reportId
    ? [
        {
          name: `Documents: RC report DOCX, five years of history (${five.events} events)`,
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/documents/${five.reportId}?format=docx`,
          goalP50Ms: 1000,
          goalP95Ms: 1000,
        },
      ]
    : []),
  ...(five?.caseId
    ? [
        {
          name: `Documents: tribunal bundle PDF, ${pages === null ? 'page count unknown' : `${pages} pages`}`,
          role: 'MHA_ADMINISTRATOR' as const,
          path: `/api/v1/documents/${five.caseId}?format=pdf`,
          goalP50Ms: 5000,
          goalP95Ms: 5000,
        },
      ]
    : []),
] satisfies BenchCase[];
