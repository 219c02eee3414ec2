/**
 * Clocks and tasks that several families of events start: rights information (s132A, C13), the
 * clocks of a new period (s20A, s66, C1, C3, C10), furnishing a form to the managers (reg 6),
 * telling the patient the order has ended (s132A, s133), and the recall's 72 hours (s17F, C4).
 */
import {
  DEFAULT_RIGHTS_INFORMATION_TARGET_DAYS,
  renewalWindowDetailed,
  rightsInformationDue,
  type RightsTrigger,
} from '../clocks';
import { formatDate, type IsoDate } from '../dates';
import { currentRecallDeadline, orderPeriods } from '../order-facts';
import type { Clock, Task } from '../outcomes';
import type { OrderSnapshot } from '../types';
import type { LifecycleOptions } from './handler';

export function rightsTask(
  day: IsoDate,
  trigger: RightsTrigger,
  options: LifecycleOptions,
): { clock: Clock; task: Task } {
  const due = rightsInformationDue(
    day,
    trigger,
    options.rightsInformationTargetDays ?? DEFAULT_RIGHTS_INFORMATION_TARGET_DAYS,
  );
  return {
    clock: { kind: 'RIGHTS_INFORMATION', date: due.date, basis: due.basis, explain: due.explain },
    task: {
      kind: 'GIVE_RIGHTS_INFORMATION',
      title: 'Give rights information (s132A)',
      basis: due.basis,
      explain: due.explain,
      dueOn: due.date,
      assigneeRoles: ['CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
    },
  };
}

export function expiryClocks(order: OrderSnapshot): { clocks: Clock[]; tasks: Task[] } {
  const periods = orderPeriods(order);
  const last = periods?.[periods.length - 1];
  if (!last) return { clocks: [], tasks: [] };
  const w = renewalWindowDetailed(last.end);
  const tribunal =
    last.index === 0
      ? { basis: 's66(1)(ca), s66(2)(ca)', why: 'the order was made' }
      : { basis: 's66(1)(fza), s66(2)(fza)', why: 'the order was extended' };
  return {
    clocks: [
      {
        kind: 'CTO_EXPIRY',
        date: last.end,
        basis: last.basis,
        explain: last.explain,
        ...(last.alternativeEnd
          ? {
              alternative: {
                date: last.alternativeEnd,
                explain: `The other reading of the period gives ${formatDate(last.alternativeEnd)}.`,
              },
            }
          : {}),
      },
      {
        kind: 'EXTENSION_WINDOW',
        opensOn: w.opens.date,
        date: w.closes.date,
        basis: 's20A(4)',
        explain: `${w.opens.explain} ${w.closes.explain}`,
        ...(w.opens.alternative ? { alternative: w.opens.alternative } : {}),
      },
      {
        kind: 'PATIENT_APPLICATION_WINDOW',
        opensOn: last.start,
        date: last.end,
        basis: tribunal.basis,
        explain: `Because ${tribunal.why}, the patient may apply to the tribunal once between ${formatDate(last.start)} and ${formatDate(last.end)}.`,
      },
    ],
    tasks: [
      {
        kind: 'ARRANGE_EXTENSION_EXAMINATION',
        title: 'Examine the patient for renewal (extension) of the order',
        basis: 's20A(4)',
        explain: `Examine between ${formatDate(w.opens.date)} and ${formatDate(w.closes.date)}; consult another professional, get the AMHP’s agreement and furnish the CTO7 by the end of ${formatDate(last.end)}, or the order expires.`,
        opensOn: w.opens.date,
        dueOn: w.closes.date,
        assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
      },
    ],
  };
}

export function furnishTask(form: string, day: IsoDate, basis: string): Task {
  return {
    kind: 'FURNISH_FORM_TO_MANAGERS',
    title: `Furnish ${form} to the hospital managers`,
    basis,
    explain: `${form} must be furnished to the managers as soon as reasonably practicable.`,
    dueOn: day,
    assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
  };
}

export function endTask(day: IsoDate, why: string): Task {
  return {
    kind: 'INFORM_PATIENT_OF_END',
    title: 'Tell the patient (and nearest relative) that the order has ended',
    basis: 's132A, s133',
    explain: `${why} Update the record and inform those who need to know.`,
    dueOn: day,
    assigneeRoles: ['MHA_ADMINISTRATOR'],
  };
}

export function recallClock(order: OrderSnapshot): { clock: Clock; task: Task } | null {
  const d = currentRecallDeadline(order);
  if (!d) return null;
  return {
    clock: {
      kind: 'RECALL_72_HOURS',
      instant: d.instant,
      basis: d.basis,
      explain: d.explain,
      ...(d.alternative
        ? { alternative: { instant: d.alternative.instant, explain: d.alternative.explain } }
        : {}),
      ...(d.awaitingReturn ? { awaitingReturn: true } : {}),
    },
    task: {
      kind: 'RELEASE_OR_REVOKE',
      title: 'Release the patient or revoke the order (with AMHP agreement)',
      basis: d.basis,
      explain: d.explain,
      dueAt: d.instant,
      assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'AMHP'],
    },
  };
}
