// One measured route of `npm run bench` (signed in as `role`, over HTTP).
import type { Role } from '@/lib/auth/roles';

export interface BenchCase {
  name: string;
  role: Role;
  path: string;
  goalP50Ms: number;
  goalP95Ms: number;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
}
