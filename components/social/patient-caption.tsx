// The patient a page is about, above its heading: "Jane Smith, NHS number 999 000 0018".
import { formatNhsNumberForDisplay } from '@/lib/format';

export function PatientCaption({
  patient,
}: {
  patient: { givenName: string; familyName: string; nhsNumber: string | null };
}) {
  return (
    <span className="nhsuk-caption-l">
      {patient.givenName} {patient.familyName},{' '}
      <span className="app-table-nowrap">
        NHS number {formatNhsNumberForDisplay(patient.nhsNumber)}
      </span>
    </span>
  );
}
