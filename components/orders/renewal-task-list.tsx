import 'server-only';
// The renewal (extension) as an NHS task list (issue 8 §2), on the renewal page and the
// managers' page: each step with its status and what was recorded, read from the stored
// Extension row. Which renewal is shown: the one under way for the current period; else, until
// the next one is offered, the one last completed (so the managers' steps and what the RC
// recorded stay visible after the CTO7 is furnished).
import { renewalStepsOffered, extensionWindow, formatDate, formatInstant } from '@/lib/cto';
import { db } from '@/lib/server/db';
import { fromDbDate, londonDateOf } from '@/lib/server/dates';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import { currentExtensionRow } from '@/lib/server/services/extension-rows';
import {
  RENEWAL_STEP_STATUS_LABELS,
  renewalSteps,
  type RenewalStep,
  type RenewalStepKey,
} from '@/lib/ui/renewal-steps';
import { TaskList, type TaskListItem } from '@/components/ui/task-list';
import type { FlowPage } from './flow-page';

type ExtensionRow = FlowPage['view']['order']['extensions'][number];

/** The renewal the task list shows (see the file comment), or null for one not yet started. */
export function shownExtension(page: FlowPage, now = new Date()): ExtensionRow | null {
  const order = page.view.order;
  const current = currentExtensionRow(order);
  if (current) return current;
  const offered = renewalStepsOffered(londonDateOf(now), extensionWindow(toSnapshot(order)));
  if (offered) return null;
  return [...order.extensions].reverse().find((e) => e.status === 'COMPLETED') ?? null;
}

/** The steps of the shown renewal, with the names of the people in them. */
export async function loadRenewalSteps(
  page: FlowPage,
  amhpNames: ReadonlyMap<string, string>,
): Promise<{ extension: ExtensionRow | null; steps: RenewalStep[] }> {
  const extension = shownExtension(page);
  if (!extension) return { extension, steps: renewalSteps(null) };
  // The order was read in the person's scope (getOrder); the examiner is one of its staff.
  const examiner = extension.examinedById
    ? await db.user.findUnique({ where: { id: extension.examinedById }, select: { name: true } })
    : null;
  const date = (d: Date | null) => (d ? formatDate(fromDbDate(d)) : null);
  const instant = (d: Date | null) => (d ? formatInstant(d) : null);
  const agreements = page.view.order.amhpAgreements
    .filter((a) => a.purpose === 'EXTENSION' && a.extensionId === extension.id)
    .map((a) => ({
      amhpName: amhpNames.get(a.amhpId) ?? 'An AMHP',
      decision: a.decision,
      respondedAt: instant(a.respondedAt),
      reasons: a.reasons,
    }));
  return {
    extension,
    steps: renewalSteps({
      examinedOn: date(extension.examinedOn),
      examinedBy: examiner?.name ?? null,
      consultedOn: date(extension.consultedOn),
      consulteeName: extension.consulteeName,
      consulteeRole: extension.consulteeRole,
      cto7FurnishedAt: instant(extension.cto7FurnishedAt),
      managersReceivedAt: instant(extension.managersReceivedAt),
      managersReviewedOn: date(extension.managersReviewedOn),
      managersReviewOutcome: extension.managersReviewOutcome,
      agreements,
    }),
  };
}

const WHERE: Record<RenewalStepKey, string> = {
  examination: 'extension#examination',
  consultation: 'extension#consultation',
  amhp: 'extension#amhp',
  cto7: 'extension#cto7',
  'managers-receipt': 'extension/managers#receipt',
  'managers-review': 'extension/managers#review',
};

const TONES = {
  COMPLETED: 'done',
  IN_PROGRESS: 'waiting',
  NOT_STARTED: 'todo',
  CANNOT_START: 'cannot',
} as const;

export function RenewalTaskList({ page, steps }: { page: FlowPage; steps: RenewalStep[] }) {
  const items: TaskListItem[] = steps.map((step) => ({
    id: step.key,
    title: step.title,
    href: step.status === 'CANNOT_START' ? null : `${page.base}/${WHERE[step.key]}`,
    hint: step.recorded,
    status: RENEWAL_STEP_STATUS_LABELS[step.status],
    tone: TONES[step.status],
  }));
  return (
    <>
      <h2>Renewal steps</h2>
      <TaskList id="renewal-steps" items={items} />
    </>
  );
}

/** What was recorded for a finished step, shown in place of its form; null if not done. */
export function recordedStep(steps: readonly RenewalStep[], key: RenewalStepKey) {
  const step = steps.find((s) => s.key === key);
  if (step?.status !== 'COMPLETED') return null;
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Done: </span>
      <p>
        <strong>Completed.</strong> {step.recorded}.
      </p>
    </div>
  );
}
