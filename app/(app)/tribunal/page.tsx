// The MHA office's view of every open tribunal case's documents (issue 9, part 1), due soonest
// first, late ones marked with how late.
import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { listTribunalDocuments } from '@/lib/server/queries/tribunal-paperwork';
import { TribunalDocumentsTable } from '@/components/tribunal/documents-table';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Tribunal paperwork' };

export default async function TribunalPaperworkPage() {
  const actor = await requireActor();
  let rows;
  try {
    rows = await listTribunalDocuments({ actor, meta: await getRequestMeta('/tribunal') });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="tribunal paperwork" />;
    throw error;
  }
  const outstanding = rows.filter((r) => r.status !== 'SENT').length;
  return (
    <>
      <h1>Tribunal paperwork</h1>
      <p>
        Every document the open tribunal cases need: {outstanding} still to send. Open a patient to
        move a document on or mark it sent.
      </p>
      <TribunalDocumentsTable rows={rows} caption="Documents of open cases, due soonest first" />
    </>
  );
}
