import { can } from '@/lib/auth/permissions';
import { apiActor, jsonError } from '@/lib/server/api';
import { unreadCount } from '@/lib/server/queries/notifications';

export const dynamic = 'force-dynamic';

// GET /api/v1/notifications/unread: {"unread": n}, the signed-in person's own unread
// notifications (the header's count, refreshed by react-query). Not audited: a count of one's
// own notifications is no patient data (docs/decisions/713-inbox-and-unread-count.md).
export async function GET(): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  if (!can(actor.roles, 'read:inbox')) return jsonError(403, 'FORBIDDEN', 'No inbox for you.');
  return Response.json(
    { unread: await unreadCount(actor.userId) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
