// Decision 861: the dashboard draws the most urgent items of each band (of each kind within a
// band for the MHA office) and counts every item.
import { describe, expect, it } from 'vitest';
import { capByGroup, type WorkItemKind } from '@/lib/work-items';

const NOW = new Date('2026-12-08T10:00:00Z');

function item(kind: WorkItemKind, dueAt: string, patientId: string) {
  return { kind, dueAt, patientId };
}

// 30 overdue contacts (days 1..30 before today), 3 overdue certificates, 12 in the week, 2 later.
const items = [
  ...Array.from({ length: 30 }, (_, i) =>
    item(
      'CONTACT_DUE',
      `2026-11-${String(i + 1).padStart(2, '0')}`,
      `p${String(i).padStart(2, '0')}`,
    ),
  ),
  item('CERTIFICATE_REQUIRED', '2026-12-01', 'c1'),
  item('CERTIFICATE_REQUIRED', '2026-12-02', 'c2'),
  item('CERTIFICATE_REQUIRED', '2026-12-03', 'c3'),
  ...Array.from({ length: 12 }, (_, i) => item('RIGHTS_INFORMATION', '2026-12-10', `w${i + 10}`)),
  item('CONTACT_DUE', '2027-03-01', 'later1'),
  item('CONTACT_DUE', '2027-03-02', 'later2'),
];

describe('capByGroup', () => {
  it('keeps the most urgent of each band and counts them all', () => {
    const { shown, counts } = capByGroup(items, NOW, 25, false);
    expect(counts).toEqual({ overdue: 33, week: 12 });
    const overdue = shown.filter((i) => i.dueAt < '2026-12-08');
    expect(overdue).toHaveLength(25);
    // Most urgent first: the oldest due date leads, the 8 newest overdue contacts are left out.
    expect(overdue[0]).toEqual(item('CONTACT_DUE', '2026-11-01', 'p00'));
    expect(overdue.some((i) => i.patientId === 'c3')).toBe(false);
    expect(shown.filter((i) => i.kind === 'RIGHTS_INFORMATION')).toHaveLength(12);
    expect(shown.some((i) => i.patientId.startsWith('later'))).toBe(false);
  });

  it('caps each kind within a band when grouped by kind', () => {
    const { shown, counts } = capByGroup(items, NOW, 10, true);
    expect(counts).toMatchObject({
      overdue: 33,
      'overdue:CONTACT_DUE': 30,
      'overdue:CERTIFICATE_REQUIRED': 3,
      week: 12,
      'week:RIGHTS_INFORMATION': 12,
    });
    expect(shown.filter((i) => i.kind === 'CONTACT_DUE')).toHaveLength(10);
    expect(shown.filter((i) => i.kind === 'CERTIFICATE_REQUIRED')).toHaveLength(3);
    expect(shown.filter((i) => i.kind === 'RIGHTS_INFORMATION')).toHaveLength(10);
  });

  it('keeps every item in the bands when there is no limit', () => {
    const { shown } = capByGroup(items, NOW, null, true);
    expect(shown).toHaveLength(45);
  });
});
