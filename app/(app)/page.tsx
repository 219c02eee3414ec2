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
  getCaseloadView,
  getManagersWork,
  listWaitingForAmhp,
  queueFilterNames,
} from '@/lib/server/queries/dashboard';
import { WorkBands } from '@/components/dashboard/work-bands';
import { CaseloadTable } from '@/components/dashboard/caseload-table';
import { ClinicianLists } from '@/components/dashboard/clinician-lists';
import { ManagersLists } from '@/components/dashboard/managers-lists';
import { QueueFilterSummary } from '@/components/dashboard/queue-filters';
import {
  capByGroup,
  DASHBOARD_SHOWN,
  isWorkItemKind,
  type WorkItemDetailJson,
} from '@/lib/work-items';

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

  // Decision 861: the most urgent items of each band (each kind, for the office) are drawn, with
  // a link to every item (`?all=1`, which keeps the filters).
  // A filtered queue is a narrowing the office asked for: it shows every item it finds.
  const showAll = one(params.all) === '1' || Object.keys(filters).length > 0;
  const limit = showAll ? null : isOffice ? DASHBOARD_SHOWN.perKind : DASHBOARD_SHOWN.perBand;
  const allQuery = new URLSearchParams(query);
  allQuery.delete('detail');
  allQuery.delete('scope');
  allQuery.set('all', '1');

  const [work, caseload, waiting, managers, options] = await Promise.all([
    listWorkItems(ctx, { scope: isOffice ? 'trust' : 'mine', filters }),
    isCc
      ? getCaseloadView(ctx, { teamLimit: showAll ? null : DASHBOARD_SHOWN.perBand })
      : Promise.resolve(null),
    isRc ? listWaitingForAmhp(ctx) : Promise.resolve(null),
    isManager ? getManagersWork(ctx) : Promise.resolve(null),
    isOffice ? queueFilterNames(ctx, filters) : Promise.resolve(null),
  ]);

  const drawn = capByGroup(work.items, new Date(renderedAt), limit, isOffice);

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
      {options ? <QueueFilterSummary values={Object.fromEntries(query)} names={options} /> : null}
      <WorkBands
        endpoint={`/api/v1/work-items?${query.toString()}`}
        initialItems={toJson(drawn.shown)}
        initialCounts={drawn.counts}
        limit={limit}
        allHref={`/?${allQuery.toString()}`}
        renderedAt={renderedAt}
        groupByKind={isOffice}
        truncated={work.truncated}
      />
      {isRc ? <ClinicianLists items={work.items} waiting={waiting ?? []} limit={limit} /> : null}
      {caseload ? (
        <CaseloadTable
          rows={caseload.rows}
          teamCount={caseload.teamCount}
          now={new Date(renderedAt)}
        />
      ) : null}
      {managers ? <ManagersLists work={managers} items={work.items} /> : null}
    </>
  );
}
