// Every real service x every role (issue 4, part 8). The permission matrix test proves the table
// and runService agree; this one proves each service asks for the right action. A role without
// the permission is refused (FORBIDDEN, a DENIED audit event naming the order, nothing else
// written); a role with it gets past the permission to the input check (INVALID_INPUT for the
// empty input given here). A service file that is not listed below fails the last test, so a new
// service cannot skip this.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { PrismaClient } from '@/lib/generated/prisma/client';
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
import { newId } from '@/tests/factories';
import { testDb } from './support/db';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

type Options = { db: PrismaClient };
type Call = (
  actor: ServiceActor,
  input: Record<string, unknown>,
  options: Options,
  id: string,
) => Promise<ServiceResult<unknown>>;
type Plain = (actor: ServiceActor, input: unknown, options: Options) => Promise<unknown>;

/** The usual signature: (actor, input, options). */
const plain =
  (fn: unknown): Call =>
  (actor, input, options) =>
    (fn as Plain)(actor, input, options) as Promise<ServiceResult<unknown>>;

/** Services that take the id of what they change (a patient, a contact) before the input. */
const withId =
  (fn: unknown): Call =>
  (actor, input, options, id) =>
    (
      fn as (
        actor: ServiceActor,
        id: string,
        input: unknown,
        options: Options,
      ) => Promise<ServiceResult<unknown>>
    )(actor, id, input, options);

interface Case {
  /** The file in lib/server/services the service lives in. */
  file: string;
  name: string;
  call: Call;
  /** What the caller must be allowed to do, given their roles. */
  action: (roles: readonly Role[]) => Action;
  /** Input the permission may depend on (the discharge route). */
  input?: Record<string, unknown>;
  /** What the denied audit event names, when it is not the order in the input. */
  about?: 'Patient' | 'Contact' | 'SocialFactorAssessment' | 'RegisterImport';
  /** The denied audit event names no record (a new upload has none yet). */
  noEntityId?: true;
}

const fixed = (action: Action) => () => action;
// Marking something entered in error: the MHA office may mark anyone's; others only their own.
const marking = (recordAction: Action) => (roles: readonly Role[]) =>
  can(roles, 'mark:entered-in-error') ? 'mark:entered-in-error' : recordAction;

const CASES: Case[] = [
  {
    file: 'assign-responsibility',
    name: 'assignResponsibility',
    call: plain(assignResponsibility),
    action: fixed('record:assignment'),
  },
  {
    file: 'create-user',
    name: 'createUser',
    call: plain(createUser),
    action: fixed('administer:user'),
  },
  {
    file: 'deactivate-user',
    name: 'deactivateUser',
    call: plain(deactivateUser),
    action: fixed('administer:user'),
  },
  {
    file: 'discharge-order',
    name: 'dischargeOrder (RC)',
    call: plain(dischargeOrder),
    action: fixed('record:discharge-rc'),
    input: { route: 'RESPONSIBLE_CLINICIAN' },
  },
  {
    file: 'discharge-order',
    name: 'dischargeOrder (managers)',
    call: plain(dischargeOrder),
    action: fixed('record:discharge-managers'),
    input: { route: 'HOSPITAL_MANAGERS' },
  },
  {
    file: 'discharge-order',
    name: 'dischargeOrder (tribunal)',
    call: plain(dischargeOrder),
    action: fixed('record:discharge-tribunal'),
    input: { route: 'TRIBUNAL' },
  },
  {
    file: 'end-certificate',
    name: 'endCertificate',
    call: plain(endCertificate),
    action: fixed('record:certificate'),
  },
  {
    file: 'furnish-cto7',
    name: 'furnishCto7',
    call: plain(furnishCto7),
    action: fixed('furnish:cto7'),
  },
  {
    file: 'furnish-cto8',
    name: 'furnishCto8',
    call: plain(furnishCto8),
    action: fixed('furnish:cto7'),
  },
  {
    file: 'decide-role-request',
    name: 'decideRoleRequest',
    call: plain(decideRoleRequest),
    action: fixed('administer:user'),
  },
  {
    file: 'grant-user-role',
    name: 'grantUserRole',
    call: plain(grantUserRole),
    action: fixed('administer:user'),
  },
  {
    file: 'link-cis2-user',
    name: 'linkCis2User',
    call: plain(linkCis2User),
    action: fixed('administer:user'),
  },
  {
    file: 'import-register',
    name: 'previewRegisterImport',
    call: (actor, input, options) =>
      previewRegisterImport(actor, { ...input, fileName: '', bytes: new Uint8Array() }, options),
    about: 'RegisterImport',
    noEntityId: true,
    action: fixed('import:register'),
  },
  {
    file: 'import-register',
    name: 'commitRegisterImport',
    call: (actor, input, options, id) =>
      commitRegisterImport(actor, { ...input, importId: id }, options),
    about: 'RegisterImport',
    action: fixed('import:register'),
  },
  { file: 'make-order', name: 'makeOrder', call: plain(makeOrder), action: fixed('make:order') },
  {
    file: 'mark-entered-in-error-contact',
    name: 'markContactEnteredInError',
    call: withId(markContactEnteredInError),
    about: 'Contact',
    action: marking('record:contact'),
  },
  {
    file: 'mark-entered-in-error-social-assessment',
    name: 'markSocialAssessmentEnteredInError',
    call: withId(markSocialAssessmentEnteredInError),
    about: 'SocialFactorAssessment',
    action: marking('record:social-assessment'),
  },
  {
    file: 'mark-event-entered-in-error',
    name: 'markEventEnteredInError',
    call: plain(markEventEnteredInError),
    action: fixed('mark:entered-in-error'),
  },
  {
    file: 'move-user-team',
    name: 'moveUserTeam',
    call: plain(moveUserTeam),
    action: fixed('administer:user'),
  },
  {
    file: 'propose-order',
    name: 'proposeOrder',
    call: plain(proposeOrder),
    action: fixed('propose:order'),
  },
  {
    file: 'reactivate-user',
    name: 'reactivateUser',
    call: plain(reactivateUser),
    action: fixed('administer:user'),
  },
  {
    file: 'record-awol',
    name: 'recordAwolBegins',
    call: plain(recordAwolBegins),
    action: fixed('record:awol'),
  },
  {
    file: 'record-awol',
    name: 'recordAwolEnds',
    call: plain(recordAwolEnds),
    action: fixed('record:awol'),
  },
  {
    file: 'record-barring-report',
    name: 'recordBarringReport',
    call: plain(recordBarringReport),
    action: fixed('record:barring-report'),
  },
  {
    file: 'record-certificate',
    name: 'recordCertificate',
    call: plain(recordCertificate),
    action: fixed('record:certificate'),
  },
  {
    file: 'record-contact',
    name: 'recordContact',
    call: withId(recordContact),
    about: 'Patient',
    action: fixed('record:contact'),
  },
  {
    file: 'register-patient',
    name: 'registerPatient',
    call: plain(registerPatient),
    action: fixed('create:patient'),
  },
  {
    file: 'update-patient',
    name: 'updatePatient',
    call: withId(updatePatient),
    about: 'Patient',
    action: fixed('update:patient'),
  },
  {
    file: 'record-cto7-receipt',
    name: 'recordCto7Receipt',
    call: plain(recordCto7Receipt),
    action: fixed('receive:cto7'),
  },
  {
    file: 'record-death',
    name: 'recordDeath',
    call: plain(recordDeath),
    action: fixed('record:death'),
  },
  {
    file: 'record-extension-agreement',
    name: 'recordExtensionAgreement',
    call: plain(recordExtensionAgreement),
    action: fixed('record:amhp-agreement'),
  },
  {
    file: 'record-extension-consultation',
    name: 'recordExtensionConsultation',
    call: plain(recordExtensionConsultation),
    action: fixed('record:extension-step'),
  },
  {
    file: 'record-extension-examination',
    name: 'recordExtensionExamination',
    call: plain(recordExtensionExamination),
    action: fixed('record:extension-step'),
  },
  {
    file: 'record-first-medication',
    name: 'recordFirstMedication',
    call: plain(recordFirstMedication),
    action: fixed('record:certificate'),
  },
  {
    file: 'record-managers-review',
    name: 'recordManagersReview',
    call: plain(recordManagersReview),
    action: fixed('review:extension'),
  },
  {
    file: 'record-nearest-relative-order',
    name: 'recordNearestRelativeOrder',
    call: plain(recordNearestRelativeOrder),
    action: fixed('receive:nr-discharge-order'),
  },
  {
    file: 'record-quality-of-life',
    name: 'recordQualityOfLife',
    call: withId(recordQualityOfLife),
    about: 'Patient',
    action: fixed('record:quality-of-life'),
  },
  {
    file: 'record-recall-detention',
    name: 'recordRecallDetention',
    call: plain(recordRecallDetention),
    action: fixed('record:detention'),
  },
  {
    file: 'record-revocation-agreement',
    name: 'recordRevocationAgreement',
    call: plain(recordRevocationAgreement),
    action: fixed('record:amhp-agreement'),
  },
  {
    file: 'record-rights-information',
    name: 'recordRightsInformation',
    call: plain(recordRightsInformation),
    action: fixed('record:rights-information'),
  },
  {
    file: 'record-social-review',
    name: 'recordSocialReview',
    call: withId(recordSocialReview),
    about: 'Patient',
    action: fixed('record:social-assessment'),
  },
  {
    file: 'record-tribunal-case',
    name: 'recordTribunalCase',
    call: plain(recordTribunalCase),
    action: fixed('manage:tribunal'),
  },
  {
    file: 'record-tribunal-hearing',
    name: 'recordTribunalHearing',
    call: plain(recordTribunalHearing),
    action: fixed('manage:tribunal'),
  },
  {
    file: 'update-tribunal-document',
    name: 'updateTribunalDocument',
    call: plain(updateTribunalDocument),
    action: fixed('write:tribunal-document'),
  },
  {
    file: 'save-report-section',
    name: 'saveReportSection',
    call: plain(saveReportSection),
    action: fixed('write:tribunal-document'),
  },
  {
    file: 'mark-report-ready',
    name: 'markReportReady',
    call: plain(markReportReady),
    action: fixed('write:tribunal-document'),
  },
  {
    file: 'sign-report',
    name: 'signReport',
    call: plain(signReport),
    action: fixed('write:tribunal-document'),
  },
  {
    file: 'name-report-author',
    name: 'nameReportAuthor',
    call: plain(nameReportAuthor),
    action: fixed('manage:tribunal'),
  },
  {
    file: 'withhold-report',
    name: 'withholdReport',
    call: plain(withholdReport),
    action: fixed('write:tribunal-document'),
  },
  {
    file: 'countersign-report',
    name: 'countersignReport',
    call: plain(countersignReport),
    action: fixed('write:tribunal-document'),
  },
  {
    file: 'diarise-tribunal-hearing',
    name: 'diariseTribunalHearing',
    call: plain(diariseTribunalHearing),
    action: fixed('manage:tribunal'),
  },
  {
    file: 'record-written-statement',
    name: 'recordWrittenStatement',
    call: plain(recordWrittenStatement),
    action: fixed('manage:tribunal'),
  },
  {
    file: 'reinstate-condition',
    name: 'reinstateCondition',
    call: plain(reinstateCondition),
    action: fixed('vary:condition'),
  },
  {
    file: 'release-from-recall',
    name: 'releaseFromRecall',
    call: plain(releaseFromRecall),
    action: fixed('record:release'),
  },
  {
    file: 'request-amhp-agreement',
    name: 'requestAmhpAgreement',
    call: plain(requestAmhpAgreement),
    action: fixed('request:amhp-agreement'),
  },
  {
    file: 'request-break-glass',
    name: 'requestBreakGlass',
    call: plain(requestBreakGlass),
    action: fixed('request:break-glass'),
  },
  {
    file: 'respond-to-making-agreement',
    name: 'respondToMakingAgreement',
    call: plain(respondToMakingAgreement),
    action: fixed('record:amhp-agreement'),
  },
  {
    file: 'review-break-glass',
    name: 'reviewBreakGlass',
    call: plain(reviewBreakGlass),
    action: fixed('review:break-glass'),
  },
  {
    file: 'revoke-order',
    name: 'revokeOrder',
    call: plain(revokeOrder),
    action: fixed('record:revocation'),
  },
  {
    file: 'revoke-user-role',
    name: 'revokeUserRole',
    call: plain(revokeUserRole),
    action: fixed('administer:user'),
  },
  {
    file: 'serve-recall-notice',
    name: 'serveRecallNotice',
    call: plain(serveRecallNotice),
    action: fixed('record:recall'),
  },
  {
    file: 'suspend-condition',
    name: 'suspendCondition',
    call: plain(suspendCondition),
    action: fixed('vary:condition'),
  },
  {
    file: 'transfer-recalled-patient',
    name: 'transferRecalledPatient',
    call: plain(transferRecalledPatient),
    action: fixed('record:transfer'),
  },
  {
    file: 'mark-notifications-read',
    name: 'markNotificationRead',
    call: plain(markNotificationRead),
    action: fixed('read:inbox'),
  },
  {
    file: 'mark-notifications-read',
    name: 'markAllNotificationsRead',
    call: plain(markAllNotificationsRead),
    action: fixed('read:inbox'),
  },
  {
    file: 'retry-email-delivery',
    name: 'retryEmailDelivery',
    call: plain(retryEmailDelivery),
    action: fixed('administer:notifications'),
  },
  {
    file: 'save-notification-preferences',
    name: 'saveNotificationPreferences',
    call: plain(saveNotificationPreferences),
    action: fixed('read:inbox'),
  },
  {
    file: 'unlock-user',
    name: 'unlockUser',
    call: plain(unlockUser),
    action: fixed('administer:user'),
  },
  {
    file: 'upload-statistics-population',
    name: 'uploadStatisticsPopulation',
    call: plain(uploadStatisticsPopulation),
    action: fixed('upload:statistics-population'),
  },
  {
    file: 'set-contact-frequency',
    name: 'setContactFrequency',
    call: plain(setContactFrequency),
    action: fixed('set:contact-frequency'),
  },
  {
    file: 'vary-conditions',
    name: 'varyConditions',
    call: plain(varyConditions),
    action: fixed('vary:condition'),
  },
  {
    file: 'withdraw-proposal',
    name: 'withdrawProposal',
    call: plain(withdrawProposal),
    action: fixed('propose:order'),
  },
];

function actorFor(role: Role): ServiceActor {
  return {
    userId: newId(),
    email: `services.${role.toLowerCase()}@example.org`,
    roles: [role],
    teamIds: [],
  };
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, service) => {
  it.each(ROLES)('%s', async (role) => {
    const actor = actorFor(role);
    const orderId = newId();
    const input = { ...service.input, orderId };
    const allowed = can([role], service.action([role]));
    const id = newId();
    const result = await service.call(actor, input, { db }, id);
    const audit = await db.auditEvent.findMany({ where: { userId: actor.userId } });
    if (allowed) {
      // Past the permission: the empty input is refused field by field, and nothing is written.
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(audit).toHaveLength(0);
    } else {
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        outcome: 'DENIED',
        roles: [role],
        reason: `no-permission:${service.action([role])}`,
        entityType: service.about ?? 'CommunityTreatmentOrder',
        entityId: service.noEntityId ? null : service.about ? id : orderId,
        ...(service.about === 'Patient' ? { patientId: id } : {}),
      });
    }
  });
});

it('lists every service that changes data', () => {
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
  const covered = [...new Set(CASES.map((c) => c.file))].sort();
  expect(covered).toEqual(services);
});
