import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/actor';
import { startPageFor } from '@/lib/auth/navigation';

// `/` sends each person to their role's start page.
export default async function Home() {
  const actor = await getActor();
  redirect(actor ? startPageFor(actor.roles) : '/login');
}
