'use client';
// Issue 8: the three bands of due work (overdue; within 7 days and recalls running; the next 30
// days). Drawn on the server first (works without JavaScript), then kept fresh in the browser by
// @tanstack/react-query against GET /api/v1/work-items?detail=full: the items are fetched again
// every minute and when the window regains focus, and the bands and "days left" move with the
// clock between fetches (decision 705). The dates themselves always come from the server.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { formatDate, formatInstant } from '@/lib/cto/dates';
import {
  BAND_LABELS,
  bandOf,
  capByGroup,
  groupKey,
  whenInWords,
  WORK_ITEM_KIND_LABELS,
  type WorkItemDetailJson,
  type WorkItemKind,
} from '@/lib/work-items';

const REFETCH_MS = 60_000;
const TICK_MS = 30_000;

export interface WorkBandsProps {
  /** The JSON endpoint with its filters, e.g. /api/v1/work-items?detail=full&scope=trust. */
  endpoint: string;
  initialItems: WorkItemDetailJson[];
  /** The server's clock at render time (ISO), so that the first paint matches the server. */
  renderedAt: string;
  /** The MHA office: each band grouped by kind. */
  groupByKind?: boolean;
  truncated?: boolean;
  /**
   * Draw at most this many items per band (per kind within a band when grouped), with a link to
   * `allHref`; null draws every item. `initialItems` may then hold only the items drawn, and
   * `initialCounts` (capByGroup's counts over every item) says how many each group holds until
   * the first refresh brings the whole list.
   */
  limit?: number | null;
  initialCounts?: Record<string, number>;
  allHref?: string;
}

async function fetchItems(endpoint: string): Promise<WorkItemDetailJson[]> {
  const response = await fetch(endpoint, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`work items: ${response.status}`);
  const body = (await response.json()) as { items: WorkItemDetailJson[] };
  return body.items;
}

export function WorkBands(props: WorkBandsProps) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 20_000 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <Bands {...props} />
    </QueryClientProvider>
  );
}

function Bands({
  endpoint,
  initialItems,
  renderedAt,
  groupByKind = false,
  truncated,
  limit = null,
  initialCounts,
  allHref = '/?all=1',
}: WorkBandsProps) {
  const query = useQuery({
    queryKey: ['work-items', endpoint],
    queryFn: () => fetchItems(endpoint),
    initialData: initialItems,
    initialDataUpdatedAt: Date.parse(renderedAt),
    refetchInterval: REFETCH_MS,
    refetchOnWindowFocus: true,
  });
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const { shown, counts: fresh } = capByGroup(query.data, now, limit, groupByKind);
  // Until the first refresh the data are the items drawn on the server; their counts came with them.
  const counts = query.isFetchedAfterMount || !initialCounts ? fresh : initialCounts;
  const bands = (['overdue', 'week', 'month'] as const).map((band) => ({
    band,
    count: counts[band] ?? 0,
    items: shown.filter((i) => bandOf(i, now) === band),
  }));
  const total = bands.reduce((sum, b) => sum + b.count, 0);
  const more = (count: number, drawn: number, what: string) =>
    count > drawn ? (
      <p className="nhsuk-body-s">
        Showing the {drawn} most urgent of {count}.{' '}
        <Link href={allHref}>
          Show all {count}
          <span className="nhsuk-u-visually-hidden">: {what}</span>
        </Link>
      </p>
    ) : null;

  return (
    <section aria-labelledby="work-heading" data-testid="work-bands">
      <h2 id="work-heading">What needs you</h2>
      <p className="nhsuk-body-s" role="status" aria-live="polite">
        {query.isError
          ? 'Could not refresh just now; showing the list as it was. It will try again.'
          : `${total} items. Updated ${formatInstant(new Date(query.dataUpdatedAt || Date.parse(renderedAt)))}.`}
      </p>
      {truncated ? (
        <p className="nhsuk-body-s">
          Showing the first 1,000 items, most urgent first. Use the filters to narrow the list.
        </p>
      ) : null}
      {bands.map(({ band, count, items: bandItems }) => (
        <div key={band} className="nhsuk-u-margin-bottom-6" data-band={band}>
          <h3>
            {BAND_LABELS[band]}{' '}
            <span
              className={`nhsuk-tag ${band === 'overdue' ? 'nhsuk-tag--red' : band === 'week' ? 'nhsuk-tag--orange' : 'nhsuk-tag--grey'}`}
            >
              {count}
            </span>
          </h3>
          {count === 0 ? (
            <p>Nothing here.</p>
          ) : groupByKind ? (
            groupKinds(bandItems).map(([kind, group]) => {
              const inKind = counts[groupKey(band, kind)] ?? group.length;
              return (
                <div key={kind}>
                  <ItemTable
                    caption={`${WORK_ITEM_KIND_LABELS[kind]} (${inKind})`}
                    items={group}
                    now={now}
                  />
                  {more(
                    inKind,
                    group.length,
                    `${WORK_ITEM_KIND_LABELS[kind]}, ${BAND_LABELS[band]}`,
                  )}
                </div>
              );
            })
          ) : (
            <>
              <ItemTable caption={BAND_LABELS[band]} hiddenCaption items={bandItems} now={now} />
              {more(count, bandItems.length, BAND_LABELS[band])}
            </>
          )}
        </div>
      ))}
    </section>
  );
}

function groupKinds(items: WorkItemDetailJson[]): [WorkItemKind, WorkItemDetailJson[]][] {
  const groups = new Map<WorkItemKind, WorkItemDetailJson[]>();
  for (const item of items) {
    const list = groups.get(item.kind) ?? [];
    list.push(item);
    groups.set(item.kind, list);
  }
  return [...groups.entries()];
}

function dueText(dueAt: string | null): string {
  if (dueAt === null) return 'No date';
  return dueAt.length === 10 ? formatDate(dueAt) : formatInstant(new Date(dueAt));
}

function ItemTable({
  caption,
  hiddenCaption,
  items,
  now,
}: {
  caption: string;
  hiddenCaption?: boolean;
  items: WorkItemDetailJson[];
  now: Date;
}) {
  return (
    <table className="nhsuk-table">
      <caption
        className={`nhsuk-table__caption${hiddenCaption ? ' nhsuk-u-visually-hidden' : ' nhsuk-table__caption--s'}`}
      >
        {caption}
      </caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Patient</th>
          <th scope="col">What is due</th>
          <th scope="col">Due</th>
          <th scope="col">Law</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((item) => (
          <tr key={item.id} data-kind={item.kind}>
            <td className="nhsuk-table__cell">
              <Link href={`/patients/${item.patientId}`}>{item.patientName}</Link>
            </td>
            <td className="nhsuk-table__cell">
              <Link href={item.href}>{item.title}</Link>
            </td>
            <td className="nhsuk-table__cell">
              {dueText(item.dueAt)}
              <br />
              <strong suppressHydrationWarning>{whenInWords(item.dueAt, now)}</strong>
            </td>
            <td className="nhsuk-table__cell">{item.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
