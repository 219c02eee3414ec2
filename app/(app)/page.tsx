import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { startPageFor } from '@/lib/auth/navigation';
import { can } from '@/lib/auth/permissions';
import {
  listWorkItems,
  type WorkItem,
  type WorkItemFilters,
} from '@/lib/server/queries/work-items';
import {
  getCaseload,
  getManagersWork,
  listWaitingForAmhp,
  queueFilterOptions,
} from '@/lib/server/queries/dashboard';
import { WorkBands } from '@/components/dashboard/work-bands';
import { CaseloadTable } from '@/components/dashboard/caseload-table';
import { ClinicianLists } from '@/components/dashboard/clinician-lists';
import { ManagersLists } from '@/components/dashboard/managers-lists';
import { QueueFilters } from '@/components/dashboard/queue-filters';
import { isWorkItemKind, type WorkItemDetailJson } from '@/lib/work-items';

export const metadata: Metadata = { title: 'Home' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toJson(items: WorkItem[]): WorkItemDetailJson[] {
  return items.map((i) => ({
    id: i.id,
    kind: i.kind,
    title: i.title,
    patientId: i.patientId,
    patientName: i.patientName,
    orderId: i.orderId,
    dueAt: i.dueAt,
    overdue: i.overdue,
    basis: i.basis,
    href: i.href,
  }));
}

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// `/`: the signed-in person's dashboard (issue 8): what needs them in three bands, then their
// whole list, by role. The AMHP's dashboard is /agreements; roles with no patient work go to
// their own start page.
export default async function Dashboard({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const roles = actor.roles;
  const isCc = roles.includes('CARE_COORDINATOR');
  const isRc = roles.includes('RESPONSIBLE_CLINICIAN');
  const isOffice = can(roles, 'read:work-queue');
  const isManager = roles.includes('HOSPITAL_MANAGER');
  if (!isCc && !isRc && !isOffice && !isManager) {
    redirect(roles.includes('AMHP') ? '/agreements' : startPageFor(roles));
  }
  const meta = await getRequestMeta('/');
  const ctx = { actor, meta };
  const renderedAt = new Date().toISOString();

  // The MHA office's filters, from the query string (each checked; anything else is ignored).
  const params = await searchParams;
  const filters: WorkItemFilters = {};
  const query = new URLSearchParams({ detail: 'full' });
  if (isOffice) {
    query.set('scope', 'trust');
    for (const [param, key] of [
      ['team', 'teamId'],
      ['hospital', 'hospitalId'],
      ['rc', 'rcId'],
      ['cc', 'ccId'],
    ] as const) {
      const value = one(params[param]);
      if (value && UUID.test(value)) {
        filters[key] = value;
        query.set(param, value);
      }
    }
    const kind = one(params.kind);
    if (kind && isWorkItemKind(kind)) {
      filters.kind = kind;
      query.set('kind', kind);
    }
  }

  const [work, caseload, waiting, managers, options] = await Promise.all([
    listWorkItems(ctx, { scope: isOffice ? 'trust' : 'mine', filters }),
    isCc ? getCaseload(ctx) : Promise.resolve(null),
    isRc ? listWaitingForAmhp(ctx) : Promise.resolve(null),
    isManager ? getManagersWork(ctx) : Promise.resolve(null),
    isOffice ? queueFilterOptions(ctx) : Promise.resolve(null),
  ]);

  return (
    <>
      <span className="nhsuk-caption-l">{actor.name}</span>
      <h1>{isOffice ? "The trust's work queue" : isCc ? 'My caseload' : 'Your work'}</h1>
      {isOffice ? (
        <p>
          Every open statutory deadline in the trust, most urgent first. For one row per order, see{' '}
          <Link href="/register">the register</Link>.
        </p>
      ) : null}
      {options ? <QueueFilters options={options} values={Object.fromEntries(query)} /> : null}
      <WorkBands
        endpoint={`/api/v1/work-items?${query.toString()}`}
        initialItems={toJson(work.items)}
        renderedAt={renderedAt}
        groupByKind={isOffice}
        truncated={work.truncated}
      />
      {isRc ? <ClinicianLists items={work.items} waiting={waiting ?? []} /> : null}
      {caseload ? <CaseloadTable rows={caseload} now={new Date(renderedAt)} /> : null}
      {managers ? <ManagersLists work={managers} items={work.items} /> : null}
    </>
  );
}
