import type { BenchCase } from '../types';

// Issue 11: every statistics page, download and the API answer in at most 1 s at national scale.
const YEAR = '2025-26';
const GOAL = { goalP50Ms: 1000, goalP95Ms: 1000 } as const;

export default [
  {
    name: 'Statistics: MHA annual 2025/26',
    role: 'MHA_ADMINISTRATOR',
    path: `/api/v1/statistics/mha-annual?year=${YEAR}`,
    ...GOAL,
  },
  {
    name: 'Statistics: MHA annual 2025/26, published',
    role: 'HOSPITAL_MANAGER',
    path: `/api/v1/statistics/mha-annual?year=${YEAR}&disclosure=published`,
    ...GOAL,
  },
  { name: 'Statistics: index', role: 'MHA_ADMINISTRATOR', path: '/statistics', ...GOAL },
  {
    name: 'Statistics: MHA annual page',
    role: 'MHA_ADMINISTRATOR',
    path: `/statistics/mha-annual?year=${YEAR}`,
    ...GOAL,
  },
  {
    name: 'Statistics: equality page',
    role: 'MHA_ADMINISTRATOR',
    path: `/statistics/equality?year=${YEAR}`,
    ...GOAL,
  },
  {
    name: 'Statistics: outcomes page',
    role: 'MHA_ADMINISTRATOR',
    path: `/statistics/outcomes?year=${YEAR}`,
    ...GOAL,
  },
  {
    name: 'Statistics: outcomes page, a responsible clinician',
    role: 'RESPONSIBLE_CLINICIAN',
    path: `/statistics/outcomes?year=${YEAR}`,
    ...GOAL,
  },
  ...(['mha-annual', 'equality', 'outcomes', 'mhs401', 'mhs404', 'mhs405'] as const).map(
    (kind) => ({
      name: `Statistics: CSV ${kind}`,
      role: 'MHA_ADMINISTRATOR' as const,
      path: `/statistics/csv/${kind}?year=${YEAR}`,
      ...GOAL,
    }),
  ),
  {
    name: 'Statistics: example population CSV',
    role: 'MHA_ADMINISTRATOR',
    path: '/statistics/population/example',
    ...GOAL,
  },
  {
    name: 'Statistics: population page',
    role: 'MHA_ADMINISTRATOR',
    path: '/statistics/population',
    ...GOAL,
  },
] satisfies BenchCase[];
