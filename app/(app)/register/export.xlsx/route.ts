import { exportRegister } from '@/lib/server/register-export-route';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return exportRegister(request, 'xlsx');
}
