import { getMhaAnnualStatistics } from '@/lib/server/queries/statistics';
import { getOutcomeStatistics } from '@/lib/server/queries/statistics-outcomes';
import { statisticsCsv } from '@/lib/server/queries/statistics-csv';
import { parseStatisticsYear } from '@/lib/statistics/classify';
import { db } from '@/lib/server/db';

const year = parseStatisticsYear(process.argv[2] ?? '2025-26')!;
const mha = await db.user.findFirstOrThrow({ where: { roles: { some: { role: 'MHA_ADMINISTRATOR' } } }, include: { memberships: true } }).catch(async () => null);
const actor = { userId: mha?.id ?? 'x', email: mha?.email ?? '', name: 'x', roles: ['MHA_ADMINISTRATOR'] as const, teamIds: [] as string[], sessionId: '' };
const ctx = { actor: actor as never };
async function t(name: string, f: () => Promise<unknown>) {
  const s = performance.now();
  await f();
  console.log(name, Math.round(performance.now() - s), 'ms');
}
const only = process.argv[3];
for (let i = 0; i < 2; i++) {
  if (!only || only === 'annual') await t('mha-annual', () => getMhaAnnualStatistics(ctx, { year }));
  if (!only || only === 'outcomes') await t('outcomes', () => getOutcomeStatistics(ctx, { year }));
  for (const k of ['mhs401', 'mhs404', 'mhs405', 'outcomes'] as const) if (!only || only === k) await t('csv ' + k, () => statisticsCsv(ctx, k, { year }));
}
await db.$disconnect();
