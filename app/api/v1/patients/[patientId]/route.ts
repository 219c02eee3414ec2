export const dynamic = 'force-dynamic';

export { GET, PATCH } from '@/lib/server/patients/record-route';
