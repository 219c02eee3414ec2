// CTO1 Part 1 as the AMHP and the responsible clinician read it before Parts 2 and 3: the
// criteria with the RC's reasons, the grounds, and the conditions with their purposes.
import { CONDITION_PURPOSES, CRITERIA, NECESSARY_FOR } from '@/lib/schemas/orders/making';

interface Part1Facts {
  criteria?: Record<string, { met?: boolean; reasons?: string | null }>;
  necessaryFor?: string[];
  grounds?: string;
  deteriorationRiskConsidered?: boolean;
}

export interface ConditionLine {
  id: string;
  kind: 'MANDATORY' | 'DISCRETIONARY';
  wording: string;
  purpose: string | null;
  amhpAgreed: boolean;
}

const PURPOSE = new Map<string, string>(CONDITION_PURPOSES.map((p) => [p.value, p.label]));
const NECESSARY = new Map<string, string>(NECESSARY_FOR.map((n) => [n.value, n.label]));

export function purposeLabel(value: string | null): string {
  return value ? (PURPOSE.get(value) ?? value) : '';
}

export function Cto1Part1Summary({
  facts,
  rcName,
  conditions,
}: {
  facts: unknown;
  rcName: string | null;
  conditions: ConditionLine[];
}) {
  const part1 = ((facts ?? {}) as { part1?: Part1Facts }).part1 ?? {};
  return (
    <>
      <h2>Part 1: the responsible clinician’s opinion</h2>
      <p>
        {rcName ?? 'The responsible clinician'} is of the opinion that every criterion of section
        17A(5) is met:
      </p>
      <dl className="nhsuk-summary-list">
        {CRITERIA.map((c) => (
          <div className="nhsuk-summary-list__row" key={c.key}>
            <dt className="nhsuk-summary-list__key">{c.label}</dt>
            <dd className="nhsuk-summary-list__value">
              {part1.criteria?.[c.key]?.reasons ?? 'No reasons recorded'}
              {c.key === 'b' && part1.necessaryFor?.length ? (
                <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                  Necessary for {part1.necessaryFor.map((n) => NECESSARY.get(n) ?? n).join(', ')}.
                </p>
              ) : null}
            </dd>
          </div>
        ))}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Grounds</dt>
          <dd className="nhsuk-summary-list__value">{part1.grounds ?? 'Not recorded'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Risk of deterioration (section 17A(6))</dt>
          <dd className="nhsuk-summary-list__value">
            {part1.deteriorationRiskConsidered ? 'Considered' : 'Not confirmed'}
          </dd>
        </div>
      </dl>
      <h3>Conditions</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {conditions.map((c) => (
          <li key={c.id}>
            {c.wording}{' '}
            <span className="nhsuk-body-s">
              (
              {c.kind === 'MANDATORY'
                ? 'mandatory, section 17B(3)'
                : `discretionary: ${purposeLabel(c.purpose).toLowerCase()}`}
              )
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
