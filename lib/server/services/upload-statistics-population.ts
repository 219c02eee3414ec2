import 'server-only';
// The MHA office supplies the catchment population (Census 2021 by ethnic group × sex × age
// band) behind the statistics' rates (issue 11 part 2). Append-only: the newest is used.
import { populationUploadSchema } from '@/lib/schemas/statistics';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function uploadStatisticsPopulation(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ populationId: string; total: number; rows: number }>> {
  return runService({
    ...options,
    action: 'upload:statistics-population',
    auditAction: 'statistics.population.upload',
    schema: populationUploadSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const total = data.cells.reduce((sum, c) => sum + c.population, 0);
      const row = await tx.statisticsPopulation.create({
        data: {
          uploadedAt: now,
          uploadedById: actor.userId,
          source: data.source,
          cells: data.cells.map((c) => ({ ...c })),
          total,
        },
        select: { id: true },
      });
      await ctx.audit({
        action: 'statistics.population.upload',
        outcome: 'SUCCESS',
        entityType: 'StatisticsPopulation',
        entityId: row.id,
        metadata: { rows: data.cells.length, total },
      });
      return { populationId: row.id, total, rows: data.cells.length };
    },
  });
}
