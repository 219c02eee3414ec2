import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { listPatientFormOptions } from '@/lib/server/queries/patient-record';
import { NoPermission } from '@/components/ui/no-permission';
import { RegisterPatientForm } from '@/components/patients/register-patient-form';
import { registerPatientAction } from './actions';

export const metadata: Metadata = { title: 'Register a patient' };

export default async function RegisterPatientPage() {
  const actor = await requireActor();
  if (!can(actor.roles, 'create:patient')) return <NoPermission what="registering patients" />;
  const options = await listPatientFormOptions();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href="/patients">
          Back to patients
        </Link>
        <h1>Register a patient</h1>
        <p>
          Enter what the statutory forms and the tribunal ask for. You can correct or change any of
          it later; every edit is kept in the record’s history.
        </p>
        <RegisterPatientForm
          action={registerPatientAction}
          options={options}
          idempotencyKey={randomUUID()}
        />
      </div>
    </div>
  );
}
