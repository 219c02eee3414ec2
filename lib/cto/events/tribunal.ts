/**
 * The tribunal, Mental Health Act 1983 s66, s67, s68.
 *
 * - TRIBUNAL_CASE_OPENED (s66, s67, s68; HESC Rules r32(6)): an application or reference; the
 *   statement and reports are due (C7), with a nursing report for an in-patient. A managers'
 *   reference completes the reference tasks (s68(2), (6), (7)).
 * - TRIBUNAL_HEARING_HELD (s68(6), s68(4)): the case was considered; the next periodic reference
 *   runs from it (three years, one year under 18; C9).
 */
import { periodicReferenceDueDetailed, tribunalDocumentsDueDetailed } from '../clocks';
import type { TaskKind } from '../outcomes';
import { type HandlerTable, mustOrder, notAfterToday, validDay } from './handler';

type TribunalEvent = 'TRIBUNAL_CASE_OPENED' | 'TRIBUNAL_HEARING_HELD';

/** Handlers of the tribunal events. */
export const TRIBUNAL_HANDLERS: HandlerTable<TribunalEvent> = {
  TRIBUNAL_CASE_OPENED: {
    validate: (ctx, e) =>
      validDay(e.receivedOn, 'date received') ??
      notAfterToday(e.receivedOn, ctx.atDay, 'date received'),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const inpatient =
        e.patientIsInpatient === true || ctx.state === 'RECALLED' || ctx.state === 'REVOKED';
      const due = tribunalDocumentsDueDetailed(e.receivedOn, { patientIsInpatient: inpatient });
      const completes: TaskKind[] =
        e.kind === 'REFERENCE' && e.applicant === 'HOSPITAL_MANAGERS'
          ? ['REFER_TO_TRIBUNAL', 'FIRST_MANAGERS_REFERENCE', 'PERIODIC_MANAGERS_REFERENCE']
          : [];
      return {
        order,
        clocks: [
          {
            kind: 'TRIBUNAL_DOCUMENTS',
            date: due.date,
            basis: due.basis,
            explain: due.explain,
            ...(due.provisional ? { provisional: true } : {}),
          },
        ],
        tasks: [
          {
            kind: 'SUBMIT_TRIBUNAL_DOCUMENTS',
            title: `Send the statement and reports to the tribunal${inpatient ? ' (including a nursing report)' : ''}`,
            basis: due.basis,
            explain: due.explain,
            dueOn: due.date,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
        ],
        warnings: due.provisional
          ? [
              {
                code: 'PROVISIONAL_BANK_HOLIDAYS',
                message: `${due.explain} Bank holidays for that year are not yet published: check the date.`,
              },
            ]
          : [],
        completes,
      };
    },
  },
  TRIBUNAL_HEARING_HELD: {
    validate: (ctx, e) =>
      validDay(e.consideredOn, 'hearing date') ??
      notAfterToday(e.consideredOn, ctx.atDay, 'hearing date'),
    apply: (ctx, e) => {
      const due = periodicReferenceDueDetailed(e.consideredOn, e.patientUnder18);
      return {
        order: mustOrder(ctx),
        clocks: [
          {
            kind: 'PERIODIC_MANAGERS_REFERENCE',
            date: due.date,
            basis: due.basis,
            explain: due.explain,
          },
        ],
        tasks: [
          {
            kind: 'PERIODIC_MANAGERS_REFERENCE',
            title:
              'Refer the case to the tribunal (periodic reference), unless it is considered before then',
            basis: due.basis,
            explain: due.explain,
            dueOn: due.date,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
        ],
        completes: ['PERIODIC_MANAGERS_REFERENCE'],
      };
    },
  },
};
