import { checkHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

// Liveness for load balancers, orchestrators and `npm start`'s smoke test: 503 unless the
// database answers, the app's own request path works (the shared prototypes intact, a form
// decoded and checked) and the time-passing job has succeeded recently (lib/server/health.ts).
// No error detail in the body: it could reveal configuration.
export async function GET(): Promise<Response> {
  const { healthy, body } = await checkHealth();
  return Response.json(body, {
    status: healthy ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
