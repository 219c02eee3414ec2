// The register slice's routes (issue 8): the register, its data-quality list, the patients list.
import type { BenchCase } from '../types.ts';

export default [
  {
    name: 'Register, page 1 (MHA office)',
    role: 'MHA_ADMINISTRATOR',
    path: '/register',
    goalP50Ms: 250,
    goalP95Ms: 500,
  },
  {
    name: 'Register, page 1,500 of 1,600 (deep page)',
    role: 'MHA_ADMINISTRATOR',
    path: '/register?page=1500',
    goalP50Ms: 250,
    goalP95Ms: 500,
  },
  {
    name: 'Register, in force, by patient name, page 500',
    role: 'MHA_ADMINISTRATOR',
    path: '/register?state=in-force&sort=patient&page=500',
    goalP50Ms: 500,
    goalP95Ms: 1000,
  },
  {
    name: 'Register data quality (MHA office)',
    role: 'MHA_ADMINISTRATOR',
    path: '/register/data-quality',
    goalP50Ms: 1000,
    goalP95Ms: 2000,
  },
  {
    name: 'Patients list, care coordinator (team scope)',
    role: 'CARE_COORDINATOR',
    path: '/patients',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Patients list, care coordinator, mine, in force',
    role: 'CARE_COORDINATOR',
    path: '/patients?mine=1&state=in-force',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Patients API, care coordinator (team scope)',
    role: 'CARE_COORDINATOR',
    path: '/api/v1/patients',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
  {
    name: 'Patients list, MHA office (whole trust)',
    role: 'MHA_ADMINISTRATOR',
    path: '/patients',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
] satisfies BenchCase[];
