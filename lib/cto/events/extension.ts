/**
 * Renewal (extension) of the order: CTO7 and CTO8, Mental Health Act 1983 s20A, s21A, s21B.
 *
 * - EXAMINE_FOR_EXTENSION (s20A(4)(a)): the responsible clinician examines the patient within
 *   the two months ending with the expiry (C3); earlier does not count; s21A widens the window
 *   after an absence without leave around the expiry. A new examination replaces the old one
 *   and the AMHP must agree again.
 * - CONSULT_FOR_EXTENSION (s20A(9)): another professional concerned with the treatment.
 * - AMHP_AGREE_EXTENSION / AMHP_DECLINE_EXTENSION (s20A(4)(b), (8)): only after the examination
 *   (CTO7 Part 2 after Part 1); without agreement the order cannot be extended.
 * - FURNISH_CTO7 (s20A(4), (10); reg 13(6)): furnished by the end of the current period, with
 *   examination, consultation and agreement recorded; the order is extended (s20A(3), C1) and
 *   the next period's clocks start, with the managers' review (s23; CoP 38.14, C14) and rights
 *   information (s132A).
 * - MANAGERS_RECEIVE_CTO7 (reg 13(7)): Part 4, not before the report was furnished.
 * - MANAGERS_REVIEW_EXTENSION (s23; Code of Practice 38.14, 38.50): a review held after the
 *   expiry is recorded with a warning.
 * - FURNISH_CTO8 (s21B(2), (6A); reg 14(3)): after an absence of more than 28 days around the
 *   expiry, within one week beginning with the return, with the AMHP's agreement.
 */
import { checkCto7Furnishing, checkExaminationInWindow } from '../checks';
import { managersReviewDue } from '../clocks';
import {
  addDays,
  compareDates,
  formatDate,
  formatInstant,
  type IsoDate,
  londonDateOf,
} from '../dates';
import {
  awolAroundExpiry,
  currentExpiry,
  currentExtension,
  extensionWindow,
  furnishedExtension,
} from '../order-facts';
import { refuse, type Warning } from '../outcomes';
import type { ExtensionSnapshot, OrderSnapshot } from '../types';
import { expiryClocks, rightsTask } from './clocks-and-tasks';
import { type HandlerTable, mustOrder, notAfterToday, validDay, validInstant } from './handler';

type ExtensionEvent =
  | 'EXAMINE_FOR_EXTENSION'
  | 'CONSULT_FOR_EXTENSION'
  | 'AMHP_AGREE_EXTENSION'
  | 'AMHP_DECLINE_EXTENSION'
  | 'FURNISH_CTO7'
  | 'MANAGERS_RECEIVE_CTO7'
  | 'MANAGERS_REVIEW_EXTENSION'
  | 'FURNISH_CTO8';

/** Handlers of the renewal (extension) events. */
export const EXTENSION_HANDLERS: HandlerTable<ExtensionEvent> = {
  EXAMINE_FOR_EXTENSION: {
    guard: (ctx) => {
      const w = extensionWindow(ctx.order);
      if (!w) return refuse('NO_ORDER_IN_FORCE', 'The order has not been made.');
      if (compareDates(ctx.atDay, w.opens) < 0) {
        return refuse(
          'EXAMINATION_OUTSIDE_WINDOW',
          `The renewal window for the expiry on ${formatDate(w.expiry)} opens on ${formatDate(w.opens)} and closes on ${formatDate(w.closes)}. An examination before ${formatDate(w.opens)} does not count (s20A(4)).`,
        );
      }
      return undefined;
    },
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validDay(e.examinedOn, 'examination date') ??
        notAfterToday(e.examinedOn, ctx.atDay, 'examination date');
      if (bad) return bad;
      const w = extensionWindow(order);
      if (!w) return refuse('NO_ORDER_IN_FORCE', 'The order has not been made.');
      const outside = checkExaminationInWindow(e.examinedOn, w);
      if (outside) return outside;
      const ext = currentExtension(order);
      return ext?.examinedOn
        ? [
            {
              code: 'RE_EXAMINATION' as const,
              message: `An examination on ${formatDate(ext.examinedOn)} was already recorded for this renewal; it is replaced by ${formatDate(e.examinedOn)}${ext.amhpAgreedAt ? ', and the AMHP must agree again' : ''}.`,
            },
          ]
        : [];
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const expiry = currentExpiry(order) ?? ctx.atDay;
      const ext = currentExtension(order);
      const extension: ExtensionSnapshot = ext
        ? { ...ext, examinedOn: e.examinedOn, amhpAgreedAt: null }
        : blankExtension(expiry, { examinedOn: e.examinedOn });
      return { order: { ...order, extension } };
    },
  },
  CONSULT_FOR_EXTENSION: {
    validate: (ctx, e) =>
      validDay(e.consultedOn, 'consultation date') ??
      notAfterToday(e.consultedOn, ctx.atDay, 'consultation date'),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const expiry = currentExpiry(order) ?? ctx.atDay;
      const ext = currentExtension(order);
      return {
        order: {
          ...order,
          extension: ext
            ? { ...ext, consultedOn: e.consultedOn }
            : blankExtension(expiry, { consultedOn: e.consultedOn }),
        },
      };
    },
  },
  AMHP_AGREE_EXTENSION: {
    guard: (ctx) => {
      const ext = currentExtension(ctx.order);
      if (!ext?.examinedOn) {
        return refuse(
          'CTO7_PART2_BEFORE_PART1',
          'The AMHP cannot agree the extension (CTO7 Part 2) before the responsible clinician has recorded the examination (Part 1). The forms are out of sequence.',
        );
      }
      if (compareDates(ctx.atDay, ext.examinedOn) < 0) {
        return refuse(
          'CTO7_PART2_BEFORE_PART1',
          `The AMHP’s agreement cannot pre-date the examination on ${formatDate(ext.examinedOn)}.`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const ext = currentExtension(order);
      return { order: { ...order, extension: ext ? { ...ext, amhpAgreedAt: ctx.at } : null } };
    },
  },
  AMHP_DECLINE_EXTENSION: {
    guard: (ctx) =>
      currentExtension(ctx.order)?.examinedOn
        ? undefined
        : refuse(
            'CTO7_PART2_BEFORE_PART1',
            'There is no examination (CTO7 Part 1) for the AMHP to consider yet.',
          ),
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const ext = currentExtension(order);
      const expiry = currentExpiry(order);
      return {
        order: {
          ...order,
          extension: ext ? { ...ext, amhpAgreedAt: null, amhpDeclinedAt: ctx.at } : null,
        },
        warnings: [
          {
            code: 'AMHP_DECLINED',
            message: `The AMHP did not agree the extension. Without an AMHP's agreement the order cannot be extended: it expires at the end of ${expiry ? formatDate(expiry) : 'the period'} unless another AMHP agrees in time (s20A(4)(b)).`,
          },
        ],
      };
    },
  },
  FURNISH_CTO7: {
    guard: (ctx) => {
      const w = extensionWindow(ctx.order);
      if (!w) return refuse('NO_ORDER_IN_FORCE', 'The order has not been made.');
      const ext = currentExtension(ctx.order);
      return checkCto7Furnishing({
        furnishedAt: ctx.at,
        window: w,
        examinedOn: ext?.examinedOn ?? null,
        consultedOn: ext?.consultedOn ?? null,
        amhpAgreedAt: ext?.amhpAgreedAt ?? null,
      });
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const ext = currentExtension(before);
      const oldExpiry = currentExpiry(before) ?? ctx.atDay;
      const w = extensionWindow(before);
      const order: OrderSnapshot = {
        ...before,
        extensionsGranted: before.extensionsGranted + 1,
        extension: ext ? { ...ext, cto7FurnishedAt: ctx.at } : null,
      };
      const { clocks, tasks } = expiryClocks(order);
      const review = managersReviewDue(oldExpiry);
      const rights = rightsTask(ctx.atDay, 'EXTENSION', ctx.options);
      const warnings: Warning[] = [];
      if (w?.via21A && compareDates(ctx.atDay, oldExpiry) > 0) {
        warnings.push({
          code: 'ORDER_CONTINUES_BECAUSE_AWOL',
          message: `Furnished after the expiry on ${formatDate(oldExpiry)} under s21A: the extension runs from ${formatDate(addDays(oldExpiry, 1))}.`,
        });
      }
      return {
        order,
        clocks: [
          ...clocks,
          {
            kind: 'MANAGERS_REVIEW_OF_EXTENSION',
            date: review.date,
            basis: review.basis,
            explain: review.explain,
          },
          rights.clock,
        ],
        tasks: [
          {
            kind: 'RECORD_CTO7_RECEIPT',
            title: 'Record the managers’ receipt of the CTO7 (Part 4)',
            basis: 'reg 13(7)',
            explain: 'Part 4 of the CTO7 records the managers’ receipt of the report.',
            dueOn: ctx.atDay,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
          {
            kind: 'MANAGERS_REVIEW_OF_EXTENSION',
            title: 'Hospital managers’ review of the extension',
            basis: review.basis,
            explain: review.explain,
            dueOn: review.date,
            assigneeRoles: ['HOSPITAL_MANAGER', 'MHA_ADMINISTRATOR'],
          },
          rights.task,
          ...tasks,
        ],
        warnings,
        completes: ['ARRANGE_EXTENSION_EXAMINATION'],
      };
    },
  },
  MANAGERS_RECEIVE_CTO7: {
    guard: (ctx) => {
      const ext = furnishedExtension(ctx.order);
      if (!ext) {
        return refuse(
          'CTO7_PART4_BEFORE_PART3',
          'The managers cannot record receipt (CTO7 Part 4) before the responsible clinician has furnished the report (Parts 1-3). The forms are out of sequence.',
        );
      }
      if (ext.managersReceivedAt) {
        return refuse(
          'ALREADY_RECORDED',
          `Receipt of this CTO7 was already recorded ${formatInstant(ext.managersReceivedAt)}.`,
        );
      }
      if (ext.cto7FurnishedAt && ctx.at.getTime() < ext.cto7FurnishedAt.getTime()) {
        return refuse(
          'CTO7_PART4_BEFORE_PART3',
          `Part 4 cannot pre-date the furnishing of the report (${formatInstant(ext.cto7FurnishedAt)}).`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          extension: order.extension ? { ...order.extension, managersReceivedAt: ctx.at } : null,
        },
        completes: ['RECORD_CTO7_RECEIPT'],
      };
    },
  },
  MANAGERS_REVIEW_EXTENSION: {
    guard: (ctx) => {
      const ext = furnishedExtension(ctx.order);
      if (!ext || ext.managersReviewedOn) {
        return refuse(
          'NO_EXTENSION_TO_REVIEW',
          'There is no furnished extension waiting for the managers’ review. (To discharge, use “Discharge by the hospital managers”.)',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const ext = order.extension;
      const warnings: Warning[] = [];
      if (ext && compareDates(ctx.atDay, ext.forExpiry) > 0) {
        warnings.push({
          code: 'MANAGERS_REVIEW_LATE',
          message: `The review should have been held by ${formatDate(ext.forExpiry)}; failing to review before expiry is a very serious matter (Code of Practice 38.50).`,
        });
      }
      return {
        order: { ...order, extension: ext ? { ...ext, managersReviewedOn: ctx.atDay } : null },
        warnings,
        completes: ['MANAGERS_REVIEW_OF_EXTENSION'],
      };
    },
  },
  FURNISH_CTO8: {
    guard: (ctx) => {
      const awol = awolAroundExpiry(ctx.order);
      if (!awol || awol.result.route !== 'S21B') {
        return refuse(
          'S21B_NOT_APPLICABLE',
          'A CTO8 is only for a patient who returned more than 28 days after going absent without leave around the expiry (s21B). Use the CTO7 otherwise.',
        );
      }
      const due = awol.result.cto8Due;
      if (due && compareDates(ctx.atDay, due.date) > 0) {
        return refuse(
          'CTO8_TOO_LATE',
          `The CTO8 had to be furnished by ${formatDate(due.date)} (one week beginning with the return); the order ended at the end of that day (s21B).`,
        );
      }
      return undefined;
    },
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validDay(e.examinedOn, 'examination date') ??
        validInstant(e.amhpAgreedAt, 'AMHP agreement time');
      if (bad) return bad;
      const awol = awolAroundExpiry(order);
      const returnedOn = awol?.absence.to ? londonDateOf(awol.absence.to) : null;
      const due = awol?.result.cto8Due?.date;
      if (
        returnedOn &&
        due &&
        (compareDates(e.examinedOn, returnedOn) < 0 || compareDates(e.examinedOn, due) > 0)
      ) {
        return refuse(
          'EXAMINATION_OUTSIDE_WINDOW',
          `The examination on ${formatDate(e.examinedOn)} must be within one week beginning with the return on ${formatDate(returnedOn)}: ${formatDate(returnedOn)} to ${formatDate(due)} (s21B(2)).`,
        );
      }
      if (e.amhpAgreedAt.getTime() > ctx.at.getTime()) {
        return refuse(
          'CTO7_BEFORE_AMHP_AGREEMENT',
          'The CTO8 cannot be furnished before the AMHP has agreed (s21B(6A)).',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const order: OrderSnapshot = {
        ...before,
        extensionsGranted: before.extensionsGranted + 1,
        extension: null,
      };
      const { clocks, tasks } = expiryClocks(order);
      const rights = rightsTask(ctx.atDay, 'EXTENSION', ctx.options);
      return {
        order,
        clocks: [...clocks, rights.clock],
        tasks: [rights.task, ...tasks],
        completes: ['ARRANGE_CTO8'],
      };
    },
  },
};

function blankExtension(forExpiry: IsoDate, patch: Partial<ExtensionSnapshot>): ExtensionSnapshot {
  return {
    forExpiry,
    examinedOn: null,
    consultedOn: null,
    amhpAgreedAt: null,
    cto7FurnishedAt: null,
    managersReceivedAt: null,
    managersReviewedOn: null,
    ...patch,
  };
}
