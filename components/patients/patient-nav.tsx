// Secondary navigation within a patient's record: the summary and the pages about their life
// on the order. Plain links (no JavaScript), styled as NHS tabs, with aria-current on the page
// you are on. Hidden when printing.
import Link from 'next/link';

export type PatientNavSection =
  'summary' | 'chronology' | 'social' | 'contacts' | 'quality-of-life';

const SECTIONS: readonly { key: PatientNavSection; label: string; path: string }[] = [
  { key: 'summary', label: 'Summary', path: '' },
  { key: 'chronology', label: 'Chronology', path: '/chronology' },
  { key: 'social', label: 'Social factors', path: '/social' },
  { key: 'contacts', label: 'Contacts', path: '/contacts' },
  { key: 'quality-of-life', label: 'Quality of life', path: '/quality-of-life' },
];

export function PatientNav({
  patientId,
  current,
}: {
  patientId: string;
  current: PatientNavSection;
}) {
  return (
    <nav
      className="nhsuk-tabs app-patient-nav app-no-print nhsuk-u-margin-bottom-6"
      aria-label="Patient record"
    >
      <ul className="nhsuk-tabs__list">
        {SECTIONS.map((section) => {
          const selected = section.key === current;
          return (
            <li
              key={section.key}
              className={`nhsuk-tabs__list-item${selected ? ' nhsuk-tabs__list-item--selected' : ''}`}
            >
              <Link
                className="nhsuk-tabs__tab"
                href={`/patients/${patientId}${section.path}`}
                aria-current={selected ? 'page' : undefined}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
