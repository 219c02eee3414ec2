// Issue 9: the MHA office's view of every open case's documents, and an author's reminders.
import type { BenchCase } from '../types';

export default [
  {
    name: 'Tribunal paperwork: every open case’s documents',
    role: 'MHA_ADMINISTRATOR',
    path: '/tribunal',
    goalP50Ms: 1000,
    goalP95Ms: 1000,
  },
  {
    name: 'Tribunal paperwork: my reports (responsible clinician)',
    role: 'RESPONSIBLE_CLINICIAN',
    path: '/tribunal/mine',
    goalP50Ms: 1000,
    goalP95Ms: 1000,
  },
] satisfies BenchCase[];
