// The shape every slice's benchmark cases take (scripts/bench/cases/<slice>.ts, default export):
// npm run bench signs in as `role`'s bench account and times the request over HTTP.
import type { Role } from '../../lib/auth/roles.ts';

export interface BenchCase {
  name: string;
  role: Role;
  path: string;
  goalP50Ms: number;
  goalP95Ms: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}
