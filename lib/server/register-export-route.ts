import 'server-only';
// GET /register/export.csv and /register/export.xlsx: the register as filtered on the page.
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/server/actor';
import { jsonError, requestMeta } from '@/lib/server/api';
import { audit } from '@/lib/server/queries/access';
import { queryObject, registerFilterSchema } from '@/lib/schemas/register';
import { registerExportResponse } from '@/lib/server/register-export';
import type { ExportFormat } from '@/lib/server/queries/register';
import { londonDateOf } from '@/lib/server/dates';

export async function exportRegister(request: Request, format: ExportFormat): Promise<Response> {
  const actor = await getActor();
  if (!actor) return jsonError(401, 'UNAUTHENTICATED', 'Sign in first.');
  const route = `/register/export.${format}`;
  const ctx = { actor, meta: requestMeta(request, route) };
  if (!can(actor.roles, 'read:register')) {
    await audit(ctx, {
      action: 'read:register',
      outcome: 'DENIED',
      reason: 'no-permission',
      entityType: 'CommunityTreatmentOrder',
      metadata: { format },
    });
    return jsonError(
      403,
      'FORBIDDEN',
      'Only the Mental Health Act office can export the register.',
    );
  }
  const parsed = registerFilterSchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) {
    return jsonError(400, 'INVALID_QUERY', 'The register filter is not valid.');
  }
  return registerExportResponse(ctx, parsed.data, format, londonDateOf(new Date()));
}
