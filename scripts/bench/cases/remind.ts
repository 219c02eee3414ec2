// The header's unread count (polled by every open tab) and the inbox (issue 8 §3).
import type { BenchCase } from '../types';

export default [
  {
    name: 'Unread count (header poll)',
    role: 'CARE_COORDINATOR',
    path: '/api/v1/notifications/unread',
    goalP50Ms: 50,
    goalP95Ms: 150,
  },
  {
    name: 'Inbox: MHA office',
    role: 'MHA_ADMINISTRATOR',
    path: '/inbox',
    goalP50Ms: 100,
    goalP95Ms: 250,
  },
] satisfies BenchCase[];
