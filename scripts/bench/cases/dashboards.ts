// Issue 8: each role's dashboard (`/`) and its JSON work items, signed in as that role.
import type { BenchCase } from '../types';

// Goals from the issue: every dashboard p50 <= 100 ms and p95 <= 250 ms at 80,000 orders.
export default [
  {
    name: 'Dashboard: care coordinator',
    role: 'CARE_COORDINATOR',
    path: '/',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Dashboard: responsible clinician',
    role: 'RESPONSIBLE_CLINICIAN',
    path: '/',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Dashboard: AMHP (agreements)',
    role: 'AMHP',
    path: '/agreements',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Dashboard: MHA office (trust queue)',
    role: 'MHA_ADMINISTRATOR',
    path: '/',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Dashboard: hospital manager',
    role: 'HOSPITAL_MANAGER',
    path: '/',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Work items: care coordinator',
    role: 'CARE_COORDINATOR',
    path: '/api/v1/work-items',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Work items: responsible clinician',
    role: 'RESPONSIBLE_CLINICIAN',
    path: '/api/v1/work-items',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Work items: AMHP',
    role: 'AMHP',
    path: '/api/v1/work-items',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Work items: MHA office, trust',
    role: 'MHA_ADMINISTRATOR',
    path: '/api/v1/work-items?scope=trust',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Work items: hospital manager',
    role: 'HOSPITAL_MANAGER',
    path: '/api/v1/work-items',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
] satisfies BenchCase[];
