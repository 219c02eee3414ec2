/**
 * Recall to hospital and revocation: CTO3 to CTO6, Mental Health Act 1983 s17E, s17F, s17G.
 *
 * - SERVE_RECALL_NOTICE (s17E; reg 6(3)(a), 6(5)-(6)): the notice counts as served when handed
 *   to the patient, or on the day after posting / the second working day (C15); never by email,
 *   and never once the order has ended. Rights information is due again (s132A).
 * - DETENTION_BEGINS (s17E(6), s17F(8)(a); reg 6(3)(d)): the CTO4 time, not before service;
 *   the 72 hours start (s17F(4), C4), suspended while the patient is absent (s21(4)).
 * - TRANSFER_DURING_RECALL (s17F(2)-(3); regs 9, 12): within the 72 hours; does not restart them.
 * - RELEASE_FROM_RECALL (s17F(5), (7)): the patient remains on the order; a release after the
 *   72 hours is warned (s17F(6)).
 * - SEVENTY_TWO_HOURS_END (s17F(6)): the system records that the 72 hours ended.
 * - AMHP_AGREE_REVOCATION / AMHP_DECLINE_REVOCATION (s17F(4)(b)): within the 72 hours.
 * - REVOKE (s17F(4), s17G; reg 6(8)): with the AMHP's agreement, within the 72 hours; the patient
 *   is detained again under the original section (s17G), with new detention periods (s20,
 *   C5), the managers' reference (s68(7)), the s58 certificate check (s62A) and the CTO5 to
 *   be furnished (reg 6(8)(c)).
 */
import {
  checkDetentionAfterService,
  checkRevocation,
  checkServiceMethod,
  checkWithin72Hours,
} from '../checks';
import { recallNoticeService, revocationConsequences } from '../clocks';
import {
  addDays,
  compareDates,
  endOfLondonDay,
  formatDate,
  formatInstant,
  type IsoDate,
  periodEnd,
} from '../dates';
import { currentRecallDeadline, inForceUntil } from '../order-facts';
import { refuse, type Task, type Warning } from '../outcomes';
import type { OrderSnapshot } from '../types';
import { furnishTask, recallClock, rightsTask } from './clocks-and-tasks';
import {
  FUTURE_TOLERANCE_MS,
  type HandlerTable,
  mustOrder,
  setRecall,
  validInstant,
} from './handler';

type RecallRevocationEvent =
  | 'SERVE_RECALL_NOTICE'
  | 'DETENTION_BEGINS'
  | 'TRANSFER_DURING_RECALL'
  | 'RELEASE_FROM_RECALL'
  | 'SEVENTY_TWO_HOURS_END'
  | 'AMHP_AGREE_REVOCATION'
  | 'AMHP_DECLINE_REVOCATION'
  | 'REVOKE';

/** Handlers of the recall and revocation events. */
export const RECALL_REVOCATION_HANDLERS: HandlerTable<RecallRevocationEvent> = {
  SERVE_RECALL_NOTICE: {
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validInstant(e.handedOrPostedAt, 'time of service') ?? checkServiceMethod(e.method);
      if (bad) return bad;
      if (e.handedOrPostedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
        return refuse(
          'EVENT_IN_FUTURE',
          'The notice cannot be handed over, delivered or posted in the future.',
        );
      }
      const service = recallNoticeService(e.method, e.handedOrPostedAt);
      if (!service.ok) return refuse(service.code, service.message);
      const until = inForceUntil(order);
      if (until && service.instant.getTime() >= endOfLondonDay(until).getTime()) {
        return refuse(
          'RECALL_OF_ENDED_ORDER',
          `The notice would count as served on ${formatDate(service.servedOn)}, after the order ends at the end of ${formatDate(until)}. A recall served after the order has ended is unlawful; hand the notice to the patient instead if there is still time.`,
        );
      }
      return service.provisional
        ? [
            {
              code: 'PROVISIONAL_BANK_HOLIDAYS',
              message: `${service.explain} Bank holidays for that year are not yet published: check the date.`,
            },
          ]
        : [];
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const service = recallNoticeService(e.method, e.handedOrPostedAt);
      if (!service.ok) throw new Error(service.message);
      const rights = rightsTask(service.servedOn, 'RECALL', ctx.options);
      return {
        order: {
          ...order,
          recall: {
            serviceMethod: e.method,
            handedOrPostedAt: e.handedOrPostedAt,
            noticeServedAt: service.instant,
            detentionBeganAt: null,
            amhpAgreedRevocationAt: null,
            endedAt: null,
            outcome: 'ONGOING',
          },
        },
        clocks: [
          {
            kind: 'RECALL_NOTICE_SERVED',
            instant: service.instant,
            date: service.servedOn,
            basis: service.basis,
            explain: service.explain,
            ...(service.provisional ? { provisional: true } : {}),
          },
          rights.clock,
        ],
        tasks: [
          {
            kind: 'SEND_RECALL_COPY_TO_MANAGERS',
            title: 'Send a copy of the CTO3 to the managers of the hospital of recall',
            basis: 'reg 6(3)(b)-(c)',
            explain:
              'As soon as possible after it is served; if that is not the responsible hospital, tell them its name and address.',
            dueOn: service.servedOn,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
          },
          rights.task,
          {
            kind: 'CHECK_TREATMENT_ON_RECALL',
            title: 'Check authority for treatment on recall (CTO11 “on recall” section, s62A)',
            basis: 's62A, s64C',
            explain:
              'On recall Part 4 applies: check the CTO11 says the treatment may be given on recall, or that a CTO12 patient still consents with capacity.',
            dueOn: service.servedOn,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
          },
        ],
      };
    },
  },
  DETENTION_BEGINS: {
    guard: (ctx) => {
      const recall = ctx.order.recall;
      if (!recall)
        return refuse(
          'CTO4_BEFORE_CTO3',
          'No recall notice (CTO3) has been served. Serve it first.',
        );
      if (ctx.at.getTime() < recall.noticeServedAt.getTime()) {
        return refuse(
          'NOTICE_NOT_YET_SERVED',
          `The recall notice counts as served only from ${formatInstant(recall.noticeServedAt)}; detention by virtue of it cannot begin before then.`,
        );
      }
      return undefined;
    },
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad = validInstant(e.detentionBeganAt, 'time detention began');
      if (bad) return bad;
      if (e.detentionBeganAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
        return refuse(
          'EVENT_IN_FUTURE',
          'Detention cannot be recorded as beginning in the future.',
        );
      }
      return order.recall
        ? checkDetentionAfterService(e.detentionBeganAt, order.recall.noticeServedAt)
        : undefined;
    },
    apply: (ctx, e) => {
      const order = setRecall(mustOrder(ctx), { detentionBeganAt: e.detentionBeganAt });
      const rc = recallClock(order);
      return { order, clocks: rc ? [rc.clock] : [], tasks: rc ? [rc.task] : [] };
    },
  },
  TRANSFER_DURING_RECALL: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      return d && !d.awaitingReturn
        ? checkWithin72Hours(ctx.at, d.instant, 'a transfer')
        : undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const rc = recallClock(order);
      return {
        order,
        clocks: rc
          ? [
              {
                ...rc.clock,
                explain: `${rc.clock.explain} The transfer does not restart the 72 hours (s17F(3)).`,
              },
            ]
          : [],
      };
    },
  },
  RELEASE_FROM_RECALL: {
    apply: (ctx) => {
      const order = setRecall(mustOrder(ctx), { endedAt: ctx.at, outcome: 'RELEASED' });
      const d = currentRecallDeadline(mustOrder(ctx));
      const warnings: Warning[] = [];
      if (d && !d.awaitingReturn && ctx.at.getTime() > d.instant.getTime()) {
        warnings.push({
          code: 'RELEASED_AFTER_72_HOURS',
          message: `The patient was released ${formatInstant(ctx.at)}, after the 72 hours ended (${formatInstant(d.instant)}). Detention after the 72 hours had no authority (s17F(6)): report it as an incident.`,
        });
      }
      return { order, warnings, completes: ['RELEASE_OR_REVOKE'] };
    },
  },
  SEVENTY_TWO_HOURS_END: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      if (!d || d.awaitingReturn || ctx.at.getTime() < d.instant.getTime()) {
        return refuse(
          'NOT_DUE_YET',
          d && !d.awaitingReturn
            ? `The 72 hours end ${formatInstant(d.instant)}, not yet.`
            : 'The 72 hours have not started or are suspended while the patient is absent.',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const d = currentRecallDeadline(before);
      const order = setRecall(before, {
        endedAt: d?.instant ?? ctx.at,
        outcome: 'RELEASED_AT_72_HOURS',
      });
      return {
        order,
        warnings: [
          {
            code: 'RELEASED_AFTER_72_HOURS',
            message: `The 72 hours ended ${d ? formatInstant(d.instant) : ''} without release or revocation. The patient must be released (s17F(6)) and remains on the order (s17F(7)).`,
          },
        ],
        completes: ['RELEASE_OR_REVOKE'],
      };
    },
  },
  AMHP_AGREE_REVOCATION: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      return d && !d.awaitingReturn
        ? checkWithin72Hours(ctx.at, d.instant, 'agreement to revocation')
        : undefined;
    },
    apply: (ctx) => ({ order: setRecall(mustOrder(ctx), { amhpAgreedRevocationAt: ctx.at }) }),
  },
  AMHP_DECLINE_REVOCATION: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      return d && !d.awaitingReturn
        ? checkWithin72Hours(ctx.at, d.instant, 'a decision on revocation')
        : undefined;
    },
    apply: (ctx) => {
      const order = setRecall(mustOrder(ctx), {
        amhpAgreedRevocationAt: null,
        amhpDeclinedRevocationAt: ctx.at,
      });
      const d = currentRecallDeadline(order);
      return {
        order,
        warnings: [
          {
            code: 'AMHP_DECLINED',
            message: `The AMHP did not agree revocation. The order cannot be revoked without an AMHP's agreement (s17F(4)(b)): release the patient${d ? ` before ${formatInstant(d.instant)}` : ''} unless another AMHP agrees in time.`,
          },
        ],
      };
    },
  },
  REVOKE: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      if (!d)
        return refuse(
          'CTO5_BEFORE_CTO4',
          'Detention after recall (CTO4) has not been recorded, so the order cannot be revoked. The forms are out of sequence.',
        );
      return checkRevocation({
        at: ctx.at,
        deadline: d.instant,
        ...(d.awaitingReturn ? { awaitingReturn: true } : {}),
        amhpAgreedAt: ctx.order.recall?.amhpAgreedRevocationAt ?? null,
      });
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const r = revocationConsequences(ctx.atDay);
      const first = r.detentionPeriods[0];
      const order: OrderSnapshot = {
        ...setRecall(before, { endedAt: ctx.at, outcome: 'REVOKED' }),
        revokedAt: ctx.at,
        endedAt: ctx.at,
      };
      const rights = rightsTask(ctx.atDay, 'REVOCATION', ctx.options);
      return {
        order,
        clocks: [
          {
            kind: 'DETENTION_EXPIRY',
            opensOn: ctx.atDay,
            date: r.firstPeriodEnd.date,
            basis: r.firstPeriodEnd.basis,
            explain: r.firstPeriodEnd.explain,
          },
          {
            kind: 'DETENTION_RENEWAL_WINDOW',
            opensOn: r.renewalWindow.opens.date,
            date: r.renewalWindow.closes.date,
            basis: 's20(3)',
            explain: `Renew the detention (s20) between ${formatDate(r.renewalWindow.opens.date)} and ${formatDate(r.renewalWindow.closes.date)}.`,
            ...(r.renewalWindow.opens.alternative
              ? { alternative: r.renewalWindow.opens.alternative }
              : {}),
          },
          {
            kind: 'PATIENT_APPLICATION_WINDOW',
            opensOn: r.patientTribunalWindow.opens.date,
            date: r.patientTribunalWindow.closes.date,
            basis: r.patientTribunalWindow.closes.basis,
            explain: r.patientTribunalWindow.closes.explain,
          },
          {
            kind: 'MANAGERS_REFERENCE_AFTER_REVOCATION',
            date: r.managersReference.target.date,
            basis: 's68(7)',
            explain: `${r.managersReference.target.explain} ${r.managersReference.overdueAfter.explain}`,
          },
          rights.clock,
        ],
        tasks: [
          {
            kind: 'REFER_TO_TRIBUNAL',
            title: 'Refer the case to the tribunal after revocation (s68(7))',
            basis: 's68(7)',
            explain: `${r.managersReference.target.explain} ${r.managersReference.overdueAfter.explain}`,
            dueOn: r.managersReference.target.date,
            overdueAfter: r.managersReference.overdueAfter.date,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
          {
            kind: 'RENEW_DETENTION',
            title: 'Examine for renewal of detention (s20)',
            basis: 's20(3)',
            explain: first ? first.explain : r.firstPeriodEnd.explain,
            opensOn: r.renewalWindow.opens.date,
            dueOn: r.renewalWindow.closes.date,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
          },
          rights.task,
          s58Task(before, ctx.atDay, r.part4Explain),
          furnishTask('CTO5', ctx.atDay, 'reg 6(8)(c)'),
        ],
        completes: ['RELEASE_OR_REVOKE', 'ARRANGE_EXTENSION_EXAMINATION'],
        endReason: 'REVOKED',
      };
    },
  },
};

function s58Task(order: OrderSnapshot, revokedOn: IsoDate, explain: string): Task {
  // s62A: the three months run from the first medication, not from revocation.
  const from = order.firstMedicationOn
    ? addDays(periodEnd(order.firstMedicationOn, 3), 1)
    : revokedOn;
  const dueOn = compareDates(from, revokedOn) < 0 ? revokedOn : from;
  return {
    kind: 'ARRANGE_S58_CERTIFICATE',
    title: 'Check consent to treatment: s58 certificate (T2/T3) after revocation',
    basis: 's62A, s58',
    explain: `${explain}${order.firstMedicationOn ? ` The three months from first medication on ${formatDate(order.firstMedicationOn)} end on ${formatDate(addDays(from, -1))}.` : ' Record the first medication date to know when a certificate is needed.'}`,
    dueOn,
    assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
  };
}
