// Hostile input at every service a server action calls (issue 12 §6): fast-check drives each one
// with malformed payloads (wrong types, huge strings, unicode, NUL characters, objects where
// strings belong, Prisma operators where ids belong, prototype keys) and forged bound ids, as an
// actor with every role on the patient's team, so that each attempt gets past the permission to
// the input. Each call must answer with a refusal (never throw, which is a 500 in the app),
// nothing may be written (row counts and the newest row version of every table unchanged; only
// DENIED or FAILURE audit events), and afterwards the server's prototypes and health are intact.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/auth/roles';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { checkHealth, jobState, JOB_STALE_MS, prototypesIntact } from '@/lib/server/health';
import type { ServiceActor, ServiceResult } from '@/lib/server/services/run-service';
import { assignResponsibility } from '@/lib/server/services/assign-responsibility';
import { createUser } from '@/lib/server/services/create-user';
import { deactivateUser } from '@/lib/server/services/deactivate-user';
import { dischargeOrder } from '@/lib/server/services/discharge-order';
import { endCertificate } from '@/lib/server/services/end-certificate';
import { furnishCto7 } from '@/lib/server/services/furnish-cto7';
import { furnishCto8 } from '@/lib/server/services/furnish-cto8';
import { grantUserRole } from '@/lib/server/services/grant-user-role';
import { commitRegisterImport, previewRegisterImport } from '@/lib/server/services/import-register';
import { decideRoleRequest } from '@/lib/server/services/decide-role-request';
import { linkCis2User } from '@/lib/server/services/link-cis2-user';
import { makeOrder } from '@/lib/server/services/make-order';
import { markContactEnteredInError } from '@/lib/server/services/mark-entered-in-error-contact';
import { markSocialAssessmentEnteredInError } from '@/lib/server/services/mark-entered-in-error-social-assessment';
import { markEventEnteredInError } from '@/lib/server/services/mark-event-entered-in-error';
import {
  markAllNotificationsRead,
  markNotificationRead,
} from '@/lib/server/services/mark-notifications-read';
import { retryEmailDelivery } from '@/lib/server/services/retry-email-delivery';
import { saveNotificationPreferences } from '@/lib/server/services/save-notification-preferences';
import { moveUserTeam } from '@/lib/server/services/move-user-team';
import { proposeOrder } from '@/lib/server/services/propose-order';
import { reactivateUser } from '@/lib/server/services/reactivate-user';
import { recordAwolBegins, recordAwolEnds } from '@/lib/server/services/record-awol';
import { recordBarringReport } from '@/lib/server/services/record-barring-report';
import { recordCertificate } from '@/lib/server/services/record-certificate';
import { recordContact } from '@/lib/server/services/record-contact';
import { registerPatient } from '@/lib/server/services/register-patient';
import { updatePatient } from '@/lib/server/services/update-patient';
import { recordCto7Receipt } from '@/lib/server/services/record-cto7-receipt';
import { recordDeath } from '@/lib/server/services/record-death';
import { recordExtensionAgreement } from '@/lib/server/services/record-extension-agreement';
import { recordExtensionConsultation } from '@/lib/server/services/record-extension-consultation';
import { recordExtensionExamination } from '@/lib/server/services/record-extension-examination';
import { recordFirstMedication } from '@/lib/server/services/record-first-medication';
import { recordManagersReview } from '@/lib/server/services/record-managers-review';
import { recordNearestRelativeOrder } from '@/lib/server/services/record-nearest-relative-order';
import { recordQualityOfLife } from '@/lib/server/services/record-quality-of-life';
import { recordRecallDetention } from '@/lib/server/services/record-recall-detention';
import { recordRevocationAgreement } from '@/lib/server/services/record-revocation-agreement';
import { recordRightsInformation } from '@/lib/server/services/record-rights-information';
import { recordSocialReview } from '@/lib/server/services/record-social-review';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { updateTribunalDocument } from '@/lib/server/services/update-tribunal-document';
import { saveReportSection } from '@/lib/server/services/save-report-section';
import { markReportReady } from '@/lib/server/services/mark-report-ready';
import { signReport } from '@/lib/server/services/sign-report';
import { countersignReport } from '@/lib/server/services/countersign-report';
import { nameReportAuthor } from '@/lib/server/services/name-report-author';
import { withholdReport } from '@/lib/server/services/withhold-report';
import { diariseTribunalHearing } from '@/lib/server/services/diarise-tribunal-hearing';
import { recordWrittenStatement } from '@/lib/server/services/record-written-statement';
import { recordTribunalHearing } from '@/lib/server/services/record-tribunal-hearing';
import { reinstateCondition } from '@/lib/server/services/reinstate-condition';
import { releaseFromRecall } from '@/lib/server/services/release-from-recall';
import { requestAmhpAgreement } from '@/lib/server/services/request-amhp-agreement';
import { requestBreakGlass } from '@/lib/server/services/request-break-glass';
import { respondToMakingAgreement } from '@/lib/server/services/respond-to-making-agreement';
import { reviewBreakGlass } from '@/lib/server/services/review-break-glass';
import { revokeOrder } from '@/lib/server/services/revoke-order';
import { revokeUserRole } from '@/lib/server/services/revoke-user-role';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import { suspendCondition } from '@/lib/server/services/suspend-condition';
import { transferRecalledPatient } from '@/lib/server/services/transfer-recalled-patient';
import { unlockUser } from '@/lib/server/services/unlock-user';
import { uploadStatisticsPopulation } from '@/lib/server/services/upload-statistics-population';
import { varyConditions } from '@/lib/server/services/vary-conditions';
import { withdrawProposal } from '@/lib/server/services/withdraw-proposal';
import { setContactFrequency } from '@/lib/server/services/set-contact-frequency';
import { createCtoFixture, createUser as createTestUser, type CtoFixture } from '@/tests/factories';
import { testDb } from './support/db';
import { contactInput, reviewInput } from './social/support';
import { actorOf } from './support/world';

let db: PrismaClient;
let fx: CtoFixture;
let actor: ServiceActor;

beforeAll(async () => {
  db = testDb();
  fx = await createCtoFixture(db);
  const everyRole = await createTestUser(db, { roles: [...ROLES], teams: [fx.teamId] });
  actor = actorOf(everyRole);
});
afterAll(async () => {
  await db.$disconnect();
});

type Service = (...args: unknown[]) => Promise<ServiceResult<unknown>>;
interface Case {
  file: string;
  name: string;
  /** 'withId': (actor, id, input, options), the id being a server action's bound argument. */
  kind: 'plain' | 'withId';
  fn: unknown;
}

const CASES: Case[] = [
  {
    file: 'assign-responsibility',
    name: 'assignResponsibility',
    kind: 'plain',
    fn: assignResponsibility,
  },
  { file: 'create-user', name: 'createUser', kind: 'plain', fn: createUser },
  { file: 'deactivate-user', name: 'deactivateUser', kind: 'plain', fn: deactivateUser },
  { file: 'decide-role-request', name: 'decideRoleRequest', kind: 'plain', fn: decideRoleRequest },
  { file: 'discharge-order', name: 'dischargeOrder', kind: 'plain', fn: dischargeOrder },
  { file: 'end-certificate', name: 'endCertificate', kind: 'plain', fn: endCertificate },
  { file: 'furnish-cto7', name: 'furnishCto7', kind: 'plain', fn: furnishCto7 },
  { file: 'furnish-cto8', name: 'furnishCto8', kind: 'plain', fn: furnishCto8 },
  { file: 'grant-user-role', name: 'grantUserRole', kind: 'plain', fn: grantUserRole },
  { file: 'link-cis2-user', name: 'linkCis2User', kind: 'plain', fn: linkCis2User },
  {
    file: 'import-register',
    name: 'commitRegisterImport',
    kind: 'plain',
    fn: commitRegisterImport,
  },
  {
    file: 'import-register',
    name: 'previewRegisterImport',
    kind: 'plain',
    fn: previewRegisterImport,
  },
  { file: 'make-order', name: 'makeOrder', kind: 'plain', fn: makeOrder },
  {
    file: 'mark-entered-in-error-contact',
    name: 'markContactEnteredInError',
    kind: 'withId',
    fn: markContactEnteredInError,
  },
  {
    file: 'mark-entered-in-error-social-assessment',
    name: 'markSocialAssessmentEnteredInError',
    kind: 'withId',
    fn: markSocialAssessmentEnteredInError,
  },
  {
    file: 'mark-event-entered-in-error',
    name: 'markEventEnteredInError',
    kind: 'plain',
    fn: markEventEnteredInError,
  },
  {
    file: 'mark-notifications-read',
    name: 'markNotificationRead',
    kind: 'plain',
    fn: markNotificationRead,
  },
  {
    file: 'mark-notifications-read',
    name: 'markAllNotificationsRead',
    kind: 'plain',
    fn: markAllNotificationsRead,
  },
  {
    file: 'retry-email-delivery',
    name: 'retryEmailDelivery',
    kind: 'plain',
    fn: retryEmailDelivery,
  },
  {
    file: 'save-notification-preferences',
    name: 'saveNotificationPreferences',
    kind: 'plain',
    fn: saveNotificationPreferences,
  },
  { file: 'move-user-team', name: 'moveUserTeam', kind: 'plain', fn: moveUserTeam },
  { file: 'propose-order', name: 'proposeOrder', kind: 'plain', fn: proposeOrder },
  { file: 'reactivate-user', name: 'reactivateUser', kind: 'plain', fn: reactivateUser },
  { file: 'record-awol', name: 'recordAwolBegins', kind: 'plain', fn: recordAwolBegins },
  { file: 'record-awol', name: 'recordAwolEnds', kind: 'plain', fn: recordAwolEnds },
  {
    file: 'record-barring-report',
    name: 'recordBarringReport',
    kind: 'plain',
    fn: recordBarringReport,
  },
  { file: 'record-certificate', name: 'recordCertificate', kind: 'plain', fn: recordCertificate },
  { file: 'record-contact', name: 'recordContact', kind: 'withId', fn: recordContact },
  { file: 'register-patient', name: 'registerPatient', kind: 'plain', fn: registerPatient },
  { file: 'update-patient', name: 'updatePatient', kind: 'withId', fn: updatePatient },
  { file: 'record-cto7-receipt', name: 'recordCto7Receipt', kind: 'plain', fn: recordCto7Receipt },
  { file: 'record-death', name: 'recordDeath', kind: 'plain', fn: recordDeath },
  {
    file: 'record-extension-agreement',
    name: 'recordExtensionAgreement',
    kind: 'plain',
    fn: recordExtensionAgreement,
  },
  {
    file: 'record-extension-consultation',
    name: 'recordExtensionConsultation',
    kind: 'plain',
    fn: recordExtensionConsultation,
  },
  {
    file: 'record-extension-examination',
    name: 'recordExtensionExamination',
    kind: 'plain',
    fn: recordExtensionExamination,
  },
  {
    file: 'record-first-medication',
    name: 'recordFirstMedication',
    kind: 'plain',
    fn: recordFirstMedication,
  },
  {
    file: 'record-managers-review',
    name: 'recordManagersReview',
    kind: 'plain',
    fn: recordManagersReview,
  },
  {
    file: 'record-nearest-relative-order',
    name: 'recordNearestRelativeOrder',
    kind: 'plain',
    fn: recordNearestRelativeOrder,
  },
  {
    file: 'record-quality-of-life',
    name: 'recordQualityOfLife',
    kind: 'withId',
    fn: recordQualityOfLife,
  },
  {
    file: 'record-recall-detention',
    name: 'recordRecallDetention',
    kind: 'plain',
    fn: recordRecallDetention,
  },
  {
    file: 'record-revocation-agreement',
    name: 'recordRevocationAgreement',
    kind: 'plain',
    fn: recordRevocationAgreement,
  },
  {
    file: 'record-rights-information',
    name: 'recordRightsInformation',
    kind: 'plain',
    fn: recordRightsInformation,
  },
  {
    file: 'record-social-review',
    name: 'recordSocialReview',
    kind: 'withId',
    fn: recordSocialReview,
  },
  {
    file: 'record-tribunal-case',
    name: 'recordTribunalCase',
    kind: 'plain',
    fn: recordTribunalCase,
  },
  {
    file: 'record-tribunal-hearing',
    name: 'recordTribunalHearing',
    kind: 'plain',
    fn: recordTribunalHearing,
  },
  {
    file: 'update-tribunal-document',
    name: 'updateTribunalDocument',
    kind: 'plain',
    fn: updateTribunalDocument,
  },
  {
    file: 'save-report-section',
    name: 'saveReportSection',
    kind: 'plain',
    fn: saveReportSection,
  },
  {
    file: 'mark-report-ready',
    name: 'markReportReady',
    kind: 'plain',
    fn: markReportReady,
  },
  {
    file: 'sign-report',
    name: 'signReport',
    kind: 'plain',
    fn: signReport,
  },
  {
    file: 'name-report-author',
    name: 'nameReportAuthor',
    kind: 'plain',
    fn: nameReportAuthor,
  },
  {
    file: 'withhold-report',
    name: 'withholdReport',
    kind: 'plain',
    fn: withholdReport,
  },
  {
    file: 'countersign-report',
    name: 'countersignReport',
    kind: 'plain',
    fn: countersignReport,
  },
  {
    file: 'diarise-tribunal-hearing',
    name: 'diariseTribunalHearing',
    kind: 'plain',
    fn: diariseTribunalHearing,
  },
  {
    file: 'record-written-statement',
    name: 'recordWrittenStatement',
    kind: 'plain',
    fn: recordWrittenStatement,
  },
  {
    file: 'reinstate-condition',
    name: 'reinstateCondition',
    kind: 'plain',
    fn: reinstateCondition,
  },
  { file: 'release-from-recall', name: 'releaseFromRecall', kind: 'plain', fn: releaseFromRecall },
  {
    file: 'request-amhp-agreement',
    name: 'requestAmhpAgreement',
    kind: 'plain',
    fn: requestAmhpAgreement,
  },
  { file: 'request-break-glass', name: 'requestBreakGlass', kind: 'plain', fn: requestBreakGlass },
  {
    file: 'respond-to-making-agreement',
    name: 'respondToMakingAgreement',
    kind: 'plain',
    fn: respondToMakingAgreement,
  },
  { file: 'review-break-glass', name: 'reviewBreakGlass', kind: 'plain', fn: reviewBreakGlass },
  { file: 'revoke-order', name: 'revokeOrder', kind: 'plain', fn: revokeOrder },
  { file: 'revoke-user-role', name: 'revokeUserRole', kind: 'plain', fn: revokeUserRole },
  { file: 'serve-recall-notice', name: 'serveRecallNotice', kind: 'plain', fn: serveRecallNotice },
  { file: 'suspend-condition', name: 'suspendCondition', kind: 'plain', fn: suspendCondition },
  {
    file: 'transfer-recalled-patient',
    name: 'transferRecalledPatient',
    kind: 'plain',
    fn: transferRecalledPatient,
  },
  {
    file: 'set-contact-frequency',
    name: 'setContactFrequency',
    kind: 'plain',
    fn: setContactFrequency,
  },
  { file: 'unlock-user', name: 'unlockUser', kind: 'plain', fn: unlockUser },
  {
    file: 'upload-statistics-population',
    name: 'uploadStatisticsPopulation',
    kind: 'plain',
    fn: uploadStatisticsPopulation,
  },
  { file: 'vary-conditions', name: 'varyConditions', kind: 'plain', fn: varyConditions },
  { file: 'withdraw-proposal', name: 'withdrawProposal', kind: 'plain', fn: withdrawProposal },
];

// --- Hostile values ------------------------------------------------------------------------

const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(
    '\u0000',
    '',
    '   ',
    '%',
    '_',
    '\\',
    '\'; DROP TABLE "Patient"; --',
    '\u202Eevil',
    '\uD800',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍⚕️',
    '1e309',
    'NaN',
    '-1',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.constantFrom(200_000, 1_100_000).map((n) => 'x'.repeat(n)),
);

const OPERATOR_KEYS = ['not', 'in', 'equals', 'contains', 'gt', 'lt', 'some', 'every', 'OR'];
const FORM_KEYS = ['day', 'month', 'year', 'date', 'time', '0', '1'];

const { hostile } = fc.letrec((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('hostile'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...OPERATOR_KEYS, ...FORM_KEYS), tie('hostile'), {
      maxKeys: 3,
    }),
  ),
}));

/** Field names the services read, so the malformed values land where a schema looks. */
const FIELDS = [
  'orderId',
  'patientId',
  'userId',
  'breakGlassId',
  'conditionId',
  'certificateId',
  'eventId',
  'teamId',
  'role',
  'roles',
  'route',
  'reason',
  'notes',
  'summary',
  'mode',
  'withCarer',
  'occurredAt',
  'givenAt',
  'decision',
  'nhsNumber',
  'email',
  'name',
  'password',
  'activities',
  'conditions',
  'social',
  'ratings',
];

/** A payload: each field hostile, or (for the order and its version) sometimes the real one. */
function payload() {
  return fc
    .record(
      {
        fields: fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 8 }),
        realOrder: fc.boolean(),
        version: fc.oneof(fc.constant('1'), hostile),
        idempotencyKey: fc.oneof(fc.constant(undefined), hostile),
        prototypeKey: fc.boolean(),
      },
      { requiredKeys: ['fields', 'realOrder', 'version', 'prototypeKey'] },
    )
    .map(({ fields, realOrder, version, idempotencyKey, prototypeKey }) => {
      const input: Record<string, unknown> = { ...fields, expectedVersion: version };
      if (idempotencyKey !== undefined) input.idempotencyKey = idempotencyKey;
      if (realOrder && fx.order) input.orderId = fx.order.id;
      if (prototypeKey) {
        // An own `__proto__` key, as JSON.parse makes one: it must not reach a prototype.
        return {
          ...(JSON.parse(
            '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}}}',
          ) as object),
          ...input,
        };
      }
      return input;
    });
}

/** A bound id as a client could forge it: the real one, or anything else. */
function boundId(real: () => string) {
  return fc.oneof(
    fc.constant(null).map(() => real()),
    fc.constantFrom(12345, null, undefined, '', 'not-an-id', { not: 'x' }, { in: [real()] }),
    fc.constant(null).map(() => ({ not: real() })),
    hostile,
  );
}

// --- Nothing written -----------------------------------------------------------------------

let tables: string[] = [];

/** Per table: the row count and the newest row version (xmin): an insert, update or delete moves one. */
async function snapshot(): Promise<Record<string, string>> {
  if (!tables.length) {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('AuditEvent', '_prisma_migrations')`,
    );
    tables = rows.map((r) => r.name).sort();
  }
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS state FROM "${t}"`,
    )
    .join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ name: string; state: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

async function successAudits(since: Date): Promise<number> {
  return db.auditEvent.count({ where: { occurredAt: { gte: since }, outcome: 'SUCCESS' } });
}

function realIdFor(c: Case): string {
  if (c.name === 'markContactEnteredInError' || c.name === 'markSocialAssessmentEnteredInError')
    return '6f1c1d4e-2b7a-4c55-9a38-0d2f4f3b9e11';
  return fx.patientId;
}

describe('every service, given hostile input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s refuses it, writes nothing and leaves the server serving',
    async (_name, c) => {
      const started = new Date(Date.now() - 1000);
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(
          payload(),
          boundId(() => realIdFor(c)),
          async (input, id) => {
            const service = c.fn as Service;
            const result =
              c.kind === 'withId'
                ? await service(actor, id, input, { db })
                : await service(actor, input, { db });
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.code).not.toBe('ERROR');
            expect(prototypesIntact()).toBe(true);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: 20 },
      );
      expect(await snapshot()).toEqual(before);
      expect(await successAudits(started)).toBe(0);
    },
  );

  it('a valid form with one field or bound id made hostile is refused, and writes nothing', async () => {
    const started = new Date(Date.now() - 1000);
    const before = await snapshot();
    // Values that can never be a valid answer: a NUL inside, an object or a number where text
    // belongs.
    const poison = fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => `${s}\u0000`),
      fc.dictionary(fc.constantFrom(...OPERATOR_KEYS), hostileString, { minKeys: 1, maxKeys: 2 }),
      fc.integer(),
      fc.constant(null),
    );
    const forms = [
      {
        service: recordContact as Service,
        valid: () => contactInput(),
        fields: ['summary', 'mode', 'durationMinutes', 'withCarer'],
      },
      { service: recordSocialReview as Service, valid: () => reviewInput(), fields: ['social'] },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...forms),
        fc.nat(),
        poison,
        fc.oneof(fc.constant('field'), fc.constant('id'), fc.constant('both')),
        async (form, pick, value, where) => {
          const input: Record<string, unknown> = form.valid();
          if (where !== 'id') input[form.fields[pick % form.fields.length] ?? 'summary'] = value;
          const id = where === 'field' ? fx.patientId : value;
          const result = await form.service(actor, id, input, { db });
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
    expect(await snapshot()).toEqual(before);
    expect(await successAudits(started)).toBe(0);
  });

  it('an object where an id belongs never reaches a query (operator injection)', async () => {
    const before = await snapshot();
    for (const c of CASES.filter((x) => x.kind === 'withId')) {
      const service = c.fn as Service;
      for (const forged of [
        { not: realIdFor(c) },
        { in: [fx.patientId] },
        12345,
        null,
        undefined,
      ]) {
        const result = await service(actor, forged, { summary: 'x' }, { db });
        expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      }
    }
    expect(await snapshot()).toEqual(before);
    const denied = await db.auditEvent.count({
      where: { userId: actor.userId, reason: 'malformed-id', outcome: 'DENIED' },
    });
    expect(denied).toBeGreaterThan(0);
  });

  it('a NUL character in free text is refused beside the field, not a database error', async () => {
    const result = await recordContact(
      actor,
      fx.patientId,
      {
        occurredAt: { date: { day: '1', month: '2', year: '2026' }, time: '10:00' },
        mode: 'CLINIC',
        withCarer: 'no',
        summary: 'Seen\u0000 at clinic',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!result.ok && result.fieldErrors?.summary).toMatch(/null character/);
  });

  it('health fails when a shared prototype is polluted or the job has stopped succeeding', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      expect(prototypesIntact()).toBe(false);
      const health = await checkHealth();
      expect(health.healthy).toBe(false);
      // (Prisma's own queries fail on a polluted prototype too, as the probe saw.)
      expect(health.body).toMatchObject({ status: 'error', app: 'broken' });
    } finally {
      Reflect.deleteProperty(Object.prototype, 'polluted');
    }
    expect(prototypesIntact()).toBe(true);

    const jobs = globalThis as unknown as { ctoTimeEventsHealth?: unknown };
    const saved = jobs.ctoTimeEventsHealth;
    const now = Date.now();
    try {
      jobs.ctoTimeEventsHealth = { startedAt: now - 2 * JOB_STALE_MS, lastSuccessAt: null };
      expect(jobState(now)).toBe('stale');
      expect((await checkHealth()).healthy).toBe(false);
      jobs.ctoTimeEventsHealth = { startedAt: now - 2 * JOB_STALE_MS, lastSuccessAt: now - 1000 };
      expect(jobState(now)).toBe('ok');
    } finally {
      jobs.ctoTimeEventsHealth = saved;
    }
  });

  it('leaves the server healthy', async () => {
    expect(prototypesIntact()).toBe(true);
    const health = await checkHealth();
    expect(health.body).toMatchObject({ database: 'ok', app: 'ok' });
    expect(health.healthy).toBe(true);
  });
});

it('covers every service that changes data', () => {
  const folder = path.join(process.cwd(), 'lib/server/services');
  const services = readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => {
      const source = readFileSync(path.join(folder, file), 'utf8');
      return (
        /\b(runService|runOrderService)\(\{/.test(source) || /^export \{ \w+ \} from/m.test(source)
      );
    })
    .map((file) => file.replace(/\.ts$/, ''))
    .filter((file) => !['run-service', 'order-flow', 'order-service-support'].includes(file))
    .sort();
  expect([...new Set(CASES.map((c) => c.file))].sort()).toEqual(services);
});
