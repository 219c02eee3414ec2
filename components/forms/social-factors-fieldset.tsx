'use client';
// The structured social factors assessment (issue 5, part 2), embedded in every decision's form
// (making, extension, recall, revocation, discharge) and in the standalone review.
//
// Pre-filled from the patient's last assessment so that only what changed needs typing: each
// domain is a collapsed expander whose summary shows the current answer and whether it differs
// from last time; a domain opens by itself when it has an error or nothing to pre-fill.
// Field names: social.<DOMAIN>.rating | significance | notes, and social.summary
// (lib/schemas/social-factors.ts). Bind it with
// `<SocialFactorsFieldset {...f.nested(socialFactorErrorFields())} … />` (./bind.ts), which
// puts its fields in the error summary at its place on the page.
import { useState, type ChangeEvent } from 'react';
import type {
  DecisionPoint,
  DecisionSignificance,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/enums';
import { DECISION_POINT_LABELS } from '@/lib/codes/labels';
import {
  DECISION_SIGNIFICANCES,
  SOCIAL_DOMAINS,
  SOCIAL_NOTES_MAX,
  SOCIAL_RATINGS,
  socialFieldName,
} from '@/lib/schemas/social-factors';
import {
  DECISION_SIGNIFICANCE_LABELS,
  SIGNIFICANCE_SHORT_LABELS,
  SOCIAL_DOMAIN_HINTS,
  SOCIAL_DOMAIN_LABELS,
  SOCIAL_RATING_HINTS,
  SOCIAL_RATING_LABELS,
  socialFieldId,
} from '@/lib/ui/social-labels';
import { formatDate } from '@/lib/format';
import { RadiosField, TextAreaField } from './fields';

export { socialFactorErrorFields } from '@/lib/ui/social-labels';

export interface PreviousSocialRating {
  domain: SocialDomain;
  rating: SocialRating;
  significance: DecisionSignificance;
  notes: string | null;
}

/** The patient's last assessment, which the fields start from. */
export interface SocialPrefill {
  previous?: readonly PreviousSocialRating[] | undefined;
  /** When and by whom it was made ('YYYY-MM-DD' or a DATE value). */
  assessedOn?: string | Date | null | undefined;
  assessedBy?: string | null | undefined;
  decisionPoint?: DecisionPoint | null | undefined;
}

export interface SocialFactorsFieldsetProps {
  prefill?: SocialPrefill | null | undefined;
  /** Field errors from the server, keyed by field name (`social.ACCOMMODATION.rating`). */
  errors?: Record<string, string>;
  /** The submitted values to show again after an error (keyed by field name). */
  values?: Record<string, string | string[]>;
  /** How the decision is named in questions: 'this recall', 'this review'. */
  decisionLabel: string;
  /** Prefix of the inputs' ids, if a page holds two of these. */
  idPrefix?: string;
  /** The level of the section heading (2 on a page of its own, 3 inside a longer form). */
  headingLevel?: 2 | 3;
}

type Current = Record<SocialDomain, { rating?: string; significance?: string }>;

function str(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const FIELD = /^social\.([A-Z_]+)\.(rating|significance)$/;

export function SocialFactorsFieldset({
  prefill,
  errors = {},
  values,
  decisionLabel,
  idPrefix = 'social',
  headingLevel = 2,
}: SocialFactorsFieldsetProps) {
  const previous = prefill?.previous;
  const previousAssessedOn = prefill?.assessedOn;
  const previousAssessedBy = prefill?.assessedBy;
  const previousDecisionPoint = prefill?.decisionPoint;
  const previousByDomain = new Map((previous ?? []).map((p) => [p.domain, p]));
  const hasPrevious = previousByDomain.size > 0;
  // After a refused submission the form shows what was sent, not the last assessment again.
  const resubmitted =
    values !== undefined && Object.keys(values).some((k) => k.startsWith('social.'));

  const initialValue = (domain: SocialDomain, part: 'rating' | 'significance' | 'notes') => {
    if (resubmitted) return str(values[socialFieldName(domain, part)]);
    const p = previousByDomain.get(domain);
    if (!p) return undefined;
    return part === 'notes' ? (p.notes ?? undefined) : p[part];
  };
  const initialCurrent = (): Current =>
    Object.fromEntries(
      SOCIAL_DOMAINS.map((d) => [
        d,
        { rating: initialValue(d, 'rating'), significance: initialValue(d, 'significance') },
      ]),
    ) as Current;

  // The summaries follow what is ticked now; start again when the server sends values back.
  const [current, setCurrent] = useState<Current>(initialCurrent);
  const [seenValues, setSeenValues] = useState(values);
  if (seenValues !== values) {
    setSeenValues(values);
    setCurrent(initialCurrent());
  }
  const onChange = (event: ChangeEvent<HTMLDivElement>) => {
    const target = event.target as unknown as HTMLInputElement;
    const match = FIELD.exec(target.name ?? '');
    if (!match || target.type !== 'radio') return;
    const domain = match[1] as SocialDomain;
    const part = match[2] as 'rating' | 'significance';
    setCurrent((c) => ({ ...c, [domain]: { ...c[domain], [part]: target.value } }));
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const summaryId = `${idPrefix}-summary`;
  const summaryName = 'social.summary';

  return (
    <div className="app-social-factors" onChange={onChange}>
      <Heading className="nhsuk-heading-m">Social factors behind {decisionLabel}</Heading>
      <p>
        Rate each part of the patient’s life as it is now, and say how much it weighed in{' '}
        {decisionLabel}.
      </p>
      {hasPrevious && previousAssessedOn ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Last assessed on <strong>{formatDate(previousAssessedOn)}</strong>
            {previousAssessedBy ? ` by ${previousAssessedBy}` : ''}
            {previousDecisionPoint
              ? ` (${DECISION_POINT_LABELS[previousDecisionPoint].toLowerCase()})`
              : ''}
            . The answers below start from then: open and change only what is different.
          </p>
        </div>
      ) : (
        <p>There is no earlier assessment for this patient, so every part needs an answer.</p>
      )}

      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">What the ratings mean</span>
        </summary>
        <div className="nhsuk-details__text">
          <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
            {SOCIAL_RATINGS.map((rating) => (
              <div className="nhsuk-summary-list__row" key={rating}>
                <dt className="nhsuk-summary-list__key">{SOCIAL_RATING_LABELS[rating]}</dt>
                <dd className="nhsuk-summary-list__value">{SOCIAL_RATING_HINTS[rating]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>

      <div className="nhsuk-expander-group">
        {SOCIAL_DOMAINS.map((domain) => {
          const label = SOCIAL_DOMAIN_LABELS[domain];
          const before = previousByDomain.get(domain);
          const now = current[domain];
          const ratingName = socialFieldName(domain, 'rating');
          const significanceName = socialFieldName(domain, 'significance');
          const notesName = socialFieldName(domain, 'notes');
          const hasError = Boolean(
            errors[ratingName] ?? errors[significanceName] ?? errors[notesName],
          );
          const changed =
            before !== undefined &&
            (now.rating !== before.rating || now.significance !== before.significance);
          const answered = now.rating !== undefined && now.significance !== undefined;
          const open = hasError || !before;
          const body = (
            <>
              <p className="nhsuk-hint">{SOCIAL_DOMAIN_HINTS[domain]}</p>
              {before ? (
                <p className="nhsuk-body-s">
                  Last time: {SOCIAL_RATING_LABELS[before.rating].toLowerCase()},{' '}
                  {SIGNIFICANCE_SHORT_LABELS[before.significance].toLowerCase()} significance.
                </p>
              ) : null}
              <RadiosField
                id={socialFieldId(domain, 'rating', idPrefix)}
                name={ratingName}
                legend={
                  <>
                    <span className="nhsuk-u-visually-hidden">{label}: </span>How is it now?
                  </>
                }
                options={SOCIAL_RATINGS.map((r) => ({ value: r, label: SOCIAL_RATING_LABELS[r] }))}
                defaultValue={initialValue(domain, 'rating')}
                error={errors[ratingName]}
                inline
              />
              <RadiosField
                id={socialFieldId(domain, 'significance', idPrefix)}
                name={significanceName}
                legend={
                  <>
                    <span className="nhsuk-u-visually-hidden">{label}: </span>How significant was it
                    in {decisionLabel}?
                  </>
                }
                options={DECISION_SIGNIFICANCES.map((s) => ({
                  value: s,
                  label: DECISION_SIGNIFICANCE_LABELS[s],
                }))}
                defaultValue={initialValue(domain, 'significance')}
                error={errors[significanceName]}
                inline
              />
              <TextAreaField
                id={socialFieldId(domain, 'notes', idPrefix)}
                name={notesName}
                label={
                  <>
                    Notes
                    <span className="nhsuk-u-visually-hidden">
                      {' '}
                      about {label.toLowerCase()}
                    </span>{' '}
                    (optional)
                  </>
                }
                hint={`At most ${SOCIAL_NOTES_MAX} characters.`}
                defaultValue={initialValue(domain, 'notes')}
                error={errors[notesName]}
                rows={2}
              />
            </>
          );
          return (
            <details
              className="nhsuk-details nhsuk-expander"
              key={domain}
              open={open}
              id={`${idPrefix}-${domain}`}
            >
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {label}
                  <span className="nhsuk-u-visually-hidden">:</span>{' '}
                  <span className="nhsuk-body-s nhsuk-u-font-weight-normal">
                    {answered
                      ? `${SOCIAL_RATING_LABELS[now.rating as SocialRating]}; significance: ${SIGNIFICANCE_SHORT_LABELS[
                          now.significance as DecisionSignificance
                        ].toLowerCase()}`
                      : 'not answered yet'}
                  </span>{' '}
                  {hasError ? (
                    <strong className="nhsuk-tag nhsuk-tag--red">Needs an answer</strong>
                  ) : changed ? (
                    <strong className="nhsuk-tag nhsuk-tag--yellow">Changed</strong>
                  ) : before && answered ? (
                    <strong className="nhsuk-tag nhsuk-tag--grey">Same as last time</strong>
                  ) : null}
                </span>
              </summary>
              <div className="nhsuk-details__text">{body}</div>
            </details>
          );
        })}
      </div>

      <TextAreaField
        id={summaryId}
        name={summaryName}
        label={`Summary: how social factors shaped ${decisionLabel} (optional)`}
        hint="For example, what has changed since the last assessment and why it matters now."
        defaultValue={resubmitted ? str(values[summaryName]) : undefined}
        error={errors[summaryName]}
        rows={4}
      />
    </div>
  );
}
