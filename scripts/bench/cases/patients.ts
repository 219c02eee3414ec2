// Issue 10: the register form (its lists of teams, staff and hospitals) as the MHA office opens it.
import type { BenchCase } from '../types';

export default [
  {
    name: 'Patients: register form',
    role: 'MHA_ADMINISTRATOR',
    path: '/patients/new',
    goalP50Ms: 1000,
    goalP95Ms: 1000,
  },
] satisfies BenchCase[];
