import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { queueFilterOptions } from '@/lib/server/queries/dashboard';
import { NoPermission } from '@/components/ui/no-permission';
import {
  QUEUE_FILTER_PARAMS,
  QueueFilterForm,
  type QueueFilterParam,
} from '@/components/dashboard/queue-filters';

export const metadata: Metadata = { title: 'Filter the work queue' };

// The MHA office's work-queue filters (decision 861): a GET form back to the queue at `/`.
export default async function QueueFiltersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor.roles, 'read:work-queue')) return <NoPermission what="the trust's work queue" />;
  const params = await searchParams;
  const values: Partial<Record<QueueFilterParam, string>> = {};
  for (const name of QUEUE_FILTER_PARAMS) {
    const value = params[name];
    // Only a value the form offers is kept; anything else is ignored (the queue checks again).
    if (typeof value === 'string' && /^[0-9A-Za-z_-]{1,64}$/.test(value)) values[name] = value;
  }
  const options = await queueFilterOptions({ actor });
  return (
    <>
      <Link className="nhsuk-back-link" href="/">
        Back to the work queue
      </Link>
      <h1>Filter the work queue</h1>
      <p>Choose what to show. Leave a question at its first answer to show everything.</p>
      <QueueFilterForm options={options} values={values} />
    </>
  );
}
