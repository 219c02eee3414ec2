import type { Role } from '../../lib/auth/roles';

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
