'use client';
// Discharge from the order: by the responsible clinician, the hospital managers (a panel of three
// or more, s23(4)) or the tribunal; with the social factors behind the decision.
import { Fragment } from 'react';
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type { PreviousSocialRating } from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import {
  DISCHARGE_ROUTE_LABELS,
  MIN_PANEL_MEMBERS,
  type DischargeRouteValue,
  type dischargeSchema,
} from '@/lib/schemas/orders/discharge';
import { APPLICANTS } from './common-fields';
import { OrderForm, type OrderFormCommon } from './flow-form';

export function DischargeForm({
  routes,
  tribunalCases,
  today,
  time,
  previousSocial,
  ...props
}: OrderFormCommon & {
  routes: DischargeRouteValue[];
  tribunalCases: Choices;
  today: string;
  time: string;
  previousSocial: {
    ratings: PreviousSocialRating[];
    assessedOn: string;
    assessedBy: string | null;
    decisionPoint: DecisionPoint | null;
  } | null;
}) {
  const only = routes.length === 1 ? routes[0] : undefined;
  return (
    <OrderForm<InputOf<typeof dischargeSchema>>
      {...props}
      submitLabel="Discharge the order"
      submitVariant="warning"
      fields={[
        only ? (
          <Fragment key="route">
            <input type="hidden" name="route" value={only} />
            <p>
              <strong>{DISCHARGE_ROUTE_LABELS[only]}</strong>
            </p>
          </Fragment>
        ) : (
          {
            radios: 'route',
            legend: 'Who discharged the order?',
            options: routes.map((r) => ({ value: r, label: DISCHARGE_ROUTE_LABELS[r] })),
          }
        ),
        {
          dateTime: 'decidedAt',
          initial: { date: today, time },
          legend: 'When was the decision made?',
          hint: 'The order ends at this time.',
        },
        { textarea: 'reasons', label: 'Reasons for discharge', rows: 5 },
        routes.includes('HOSPITAL_MANAGERS') && {
          group: 'Hospital managers’ hearing',
          note: 'Only for a discharge by the hospital managers.',
          fields: [
            {
              textarea: 'panel',
              label: 'Members of the panel',
              hint: `One name on each line: at least ${MIN_PANEL_MEMBERS} members (section 23(4)).`,
              rows: 4,
            },
            { date: 'hearingHeldOn', legend: 'Date of the hearing' },
          ],
        },
        routes.includes('TRIBUNAL') && {
          group: 'Tribunal',
          note: 'Only for a discharge by the tribunal (section 72(1)(c)).',
          fields: [
            {
              select: 'tribunalCaseId',
              initial: tribunalCases[0]?.value ?? 'new',
              label: 'The application or reference the tribunal decided',
              options: [
                ...tribunalCases,
                { value: 'new', label: 'Not recorded yet: record it now' },
              ],
            },
            {
              radios: 'tribunalApplicant',
              legend: 'If not recorded yet: who applied, or referred the case?',
              options: { ...APPLICANTS, HOSPITAL_MANAGERS: 'The hospital managers (reference)' },
            },
            {
              date: 'tribunalReceivedOn',
              legend: 'If not recorded yet: when was the application or reference received?',
            },
            { text: 'tribunalReference', label: 'Tribunal reference (optional)' },
          ],
        },
        {
          social: {
            prefill: previousSocial && { ...previousSocial, previous: previousSocial.ratings },
            decisionLabel: 'this discharge',
            headingLevel: 2,
          },
        },
      ]}
    />
  );
}
