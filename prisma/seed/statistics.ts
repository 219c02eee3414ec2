// Demo data for the statistics (issue 11): the catchment population behind the rates, so that
// the equality page shows rates and standardised rates from the demo orders. The population is
// the made-up example district of lib/statistics/population-example.ts, not real census data.
import type { FactoryDb } from '@/tests/factories';
import { examplePopulation } from '@/lib/statistics/population-example';

export async function seedStatistics(
  db: FactoryDb,
  options: { uploadedById: string; now: Date },
): Promise<void> {
  const cells = examplePopulation();
  await db.statisticsPopulation.create({
    data: {
      uploadedAt: options.now,
      uploadedById: options.uploadedById,
      source: 'Example district (made-up figures shaped like Census 2021)',
      cells: cells.map((c) => ({ ...c })),
      total: cells.reduce((sum, c) => sum + c.population, 0),
    },
  });
}
