// The documents the signed-in author (RC, care coordinator) is writing and has not signed: the
// in-app reminder (issue 9, part 1). Notifications by email are another issue's.
import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { listMyTribunalDocuments } from '@/lib/server/queries/tribunal-paperwork';
import { TribunalDocumentsTable } from '@/components/tribunal/documents-table';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'My tribunal reports' };

export default async function MyTribunalDocumentsPage() {
  const actor = await requireActor();
  let rows;
  try {
    rows = await listMyTribunalDocuments({ actor, meta: await getRequestMeta('/tribunal/mine') });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="tribunal reports" />;
    throw error;
  }
  return (
    <>
      <h1>My tribunal reports</h1>
      <p>
        {rows.length === 0
          ? 'You have no tribunal reports to write.'
          : `You have ${rows.length} tribunal report${rows.length === 1 ? '' : 's'} to finish. The tribunal must receive them by 5pm on the due day.`}
      </p>
      <TribunalDocumentsTable rows={rows} caption="Reports you are writing, due soonest first" />
    </>
  );
}
