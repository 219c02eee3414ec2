// "Who has viewed or changed this record" on the patient page: the last 50 audit events about
// this patient, for the MHA office and privacy officers only (read:patient-audit). Reading it
// is itself audited (lib/server/queries/list-audit-events.ts).
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/server/actor';
import { listPatientAuditEvents } from '@/lib/server/queries/list-audit-events';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AuditEventTable } from '@/components/audit/audit-event-table';

const SHOWN = 50;

export async function AccessHistory({ actor, patientId }: { actor: Actor; patientId: string }) {
  if (!can(actor.roles, 'read:patient-audit')) return null;
  const events = await listPatientAuditEvents(
    { actor, meta: await getRequestMeta(`/patients/${patientId}`) },
    patientId,
    SHOWN,
  );
  return (
    <section aria-labelledby="access-history-heading">
      <h2 id="access-history-heading">Who has viewed or changed this record</h2>
      <p className="nhsuk-body-s">
        The latest {SHOWN} events in the audit trail for this patient, newest first.
        {can(actor.roles, 'read:audit') ? (
          <>
            {' '}
            <Link href={`/audit?patient=${patientId}`}>Search all events for this patient</Link>
          </>
        ) : null}
      </p>
      {events.length === 0 ? (
        <p>No events have been recorded for this patient.</p>
      ) : (
        <AuditEventTable
          events={events}
          caption="Who has viewed or changed this record"
          showPatient={false}
          linkBreakGlass={can(actor.roles, 'review:break-glass')}
        />
      )}
    </section>
  );
}
