import { examplePopulationCsv } from '@/lib/statistics/population-example';

// GET /statistics/population/example: the example catchment population (made-up figures).
export function GET(): Response {
  return new Response(examplePopulationCsv(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="example-population.csv"',
    },
  });
}
