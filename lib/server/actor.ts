import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import type { Role } from '@/lib/auth/roles';

/** The signed-in person acting on a request, as services see them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  teamIds: string[];
  sessionId: string;
}

export async function getActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session?.user.id || !session.user.sessionId) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    roles: session.user.roles,
    teamIds: session.user.teamIds,
    sessionId: session.user.sessionId,
  };
}

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}
