// One measured route for `npm run bench` (the harness imports every file in ./cases).
import type { Role } from '../../lib/auth/roles';

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
