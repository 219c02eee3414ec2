'use client';
// Discharge from the order: by the responsible clinician, the hospital managers (a panel of three
// or more, s23(4)) or the tribunal; with the social factors behind the decision.
import type { InputOf } from '@/components/forms/bind';
import {
  DateField,
  DateTimeField,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import type { dischargeSchema } from '@/lib/schemas/orders/discharge';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type PreviousSocialRating,
} from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import {
  DISCHARGE_ROUTE_LABELS,
  MIN_PANEL_MEMBERS,
  type DischargeRouteValue,
} from '@/lib/schemas/orders/discharge';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

export function DischargeForm({
  routes,
  tribunalCases,
  today,
  time,
  previousSocial,
  ...props
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  routes: DischargeRouteValue[];
  tribunalCases: { value: string; label: string }[];
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
    >
      {(f) => (
        <>
          {only ? (
            <>
              <input type="hidden" name="route" value={only} />
              <p>
                <strong>{DISCHARGE_ROUTE_LABELS[only]}</strong>
              </p>
            </>
          ) : (
            <RadiosField
              {...f.radios('route')}
              legend="Who discharged the order?"
              options={routes.map((r) => ({ value: r, label: DISCHARGE_ROUTE_LABELS[r] }))}
            />
          )}
          <DateTimeField
            {...f.dateTime('decidedAt', { initial: { date: today, time: time } })}
            legend="When was the decision made?"
            hint="The order ends at this time."
          />
          <TextAreaField {...f.text('reasons')} label="Reasons for discharge" rows={5} />
          {routes.includes('HOSPITAL_MANAGERS') ? (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                Hospital managers’ hearing
              </legend>
              <p className="nhsuk-body-s">Only for a discharge by the hospital managers.</p>
              <TextAreaField
                {...f.text('panel')}
                label="Members of the panel"
                hint={`One name on each line: at least ${MIN_PANEL_MEMBERS} members (section 23(4)).`}
                rows={4}
              />
              <DateField {...f.date('hearingHeldOn')} legend="Date of the hearing" />
            </fieldset>
          ) : null}
          {routes.includes('TRIBUNAL') ? (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Tribunal</legend>
              <p className="nhsuk-body-s">
                Only for a discharge by the tribunal (section 72(1)(c)).
              </p>
              <SelectField
                {...f.select('tribunalCaseId', { initial: tribunalCases[0]?.value ?? 'new' })}
                label="The application or reference the tribunal decided"
                options={[
                  ...tribunalCases,
                  { value: 'new', label: 'Not recorded yet: record it now' },
                ]}
              />
              <RadiosField
                {...f.radios('tribunalApplicant')}
                legend="If not recorded yet: who applied, or referred the case?"
                options={[
                  { value: 'PATIENT', label: 'The patient' },
                  { value: 'NEAREST_RELATIVE', label: 'The nearest relative' },
                  { value: 'HOSPITAL_MANAGERS', label: 'The hospital managers (reference)' },
                ]}
              />
              <DateField
                {...f.date('tribunalReceivedOn')}
                legend="If not recorded yet: when was the application or reference received?"
              />
              <TextField {...f.text('tribunalReference')} label="Tribunal reference (optional)" />
            </fieldset>
          ) : null}
          <SocialFactorsFieldset
            {...f.nested(socialFactorErrorFields())}
            prefill={previousSocial && { ...previousSocial, previous: previousSocial.ratings }}
            decisionLabel="this discharge"
            headingLevel={2}
          />
        </>
      )}
    </OrderForm>
  );
}
