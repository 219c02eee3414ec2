// Who writes a tribunal document (issue 9 §2): its author; while no author is named, anyone
// holding the author's role (in scope: the caller's query carries the scope); and the MHA office
// for the responsible authority's statement. Pure.
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';

const ROLE_OF_AUTHOR: Record<string, Role> = {
  RESPONSIBLE_CLINICIAN: 'RESPONSIBLE_CLINICIAN',
  CARE_COORDINATOR: 'CARE_COORDINATOR',
  MHA_OFFICE: 'MHA_ADMINISTRATOR',
};

export function mayWriteDocument(
  doc: { authorId: string | null; authorRole: string },
  actor: { userId: string; roles: readonly Role[] },
): boolean {
  if (!can(actor.roles, 'write:tribunal-document')) return false;
  if (doc.authorId === actor.userId) return true;
  if (doc.authorRole === 'MHA_OFFICE' && can(actor.roles, 'manage:tribunal')) return true;
  if (doc.authorId === null) {
    const role = ROLE_OF_AUTHOR[doc.authorRole];
    if (role) return actor.roles.includes(role);
    // A named person outside the app: a clinician of the team may write it for them.
    return actor.roles.some((r) => r === 'RESPONSIBLE_CLINICIAN' || r === 'CARE_COORDINATOR');
  }
  return false;
}
