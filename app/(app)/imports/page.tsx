import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { AccessDenied } from '@/lib/server/queries/access';
import { listRegisterImports } from '@/lib/server/queries/register-imports';
import { formatLondonInstant } from '@/lib/server/dates';
import { NoPermission } from '@/components/ui/no-permission';
import { UploadRegisterForm } from '@/components/imports/import-forms';
import { uploadRegisterAction } from './actions';

export const metadata: Metadata = { title: 'Import the register' };

export default async function ImportsPage() {
  const actor = await requireActor();
  let imports;
  try {
    imports = await listRegisterImports({ actor });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="imports" />;
    throw error;
  }
  return (
    <>
      <h1>Import the register</h1>
      <p>
        Bring in the MHA office’s existing register of community treatment orders from a
        spreadsheet. You see every row’s outcome first; nothing is imported until you choose to.
      </p>
      <UploadRegisterForm action={uploadRegisterAction} />
      <h2>Past imports</h2>
      {imports.length === 0 ? (
        <p>No register has been uploaded yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Past imports</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">File</th>
              <th scope="col">Uploaded</th>
              <th scope="col">Rows</th>
              <th scope="col">Imported</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {imports.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link href={`/imports/${i.id}`}>{i.fileName}</Link>
                </td>
                <td>
                  {formatLondonInstant(i.createdAt)} by {i.createdBy}
                </td>
                <td>
                  {i.rowCount} ({i.accepted} accepted, {i.warnings} to decide, {i.rejected}{' '}
                  rejected)
                </td>
                <td>{i.importedCount}</td>
                <td>{i.status === 'COMMITTED' ? 'Imported' : 'Preview only'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
