export const dynamic = 'force-dynamic';

export { GET, POST } from '@/lib/server/patients/collection-route';
