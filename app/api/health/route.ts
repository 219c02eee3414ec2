import { db } from '@/lib/server/db';

export const dynamic = 'force-dynamic';

// Liveness and database check for load balancers and `npm start`'s smoke test.
export async function GET(): Promise<Response> {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok', database: 'ok' });
  } catch {
    // No error detail in the body: it could reveal configuration.
    return Response.json(
      { status: 'error', database: 'unavailable', reason: 'The database did not answer.' },
      { status: 503 },
    );
  }
}
