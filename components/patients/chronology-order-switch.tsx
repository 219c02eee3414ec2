// "Oldest first" / "Newest first": a link that keeps the filters (the page is a GET form, so
// each view has its own address and works without JavaScript).
import type { ChronologyFilterParse } from '@/lib/server/queries/get-chronology';

function query(parsed: ChronologyFilterParse, order: string): string {
  const q = new URLSearchParams();
  for (const k of parsed.values.kinds) q.append('kinds', k);
  for (const [prefix, parts] of [
    ['from', parsed.values.from],
    ['to', parsed.values.to],
  ] as const) {
    for (const [key, value] of Object.entries(parts)) if (value) q.set(`${prefix}.${key}`, value);
  }
  if (order !== 'oldest-first') q.set('order', order);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function ChronologyOrderSwitch({
  path,
  parsed,
}: {
  path: string;
  parsed: ChronologyFilterParse;
}) {
  const newest = parsed.values.direction === 'newest-first';
  return (
    <p className="app-no-print">
      {newest ? 'Showing newest first. ' : 'Showing oldest first. '}
      <a
        className="nhsuk-link"
        href={`${path}${query(parsed, newest ? 'oldest-first' : 'newest-first')}`}
      >
        {newest ? 'Show oldest first' : 'Show newest first'}
      </a>
    </p>
  );
}
