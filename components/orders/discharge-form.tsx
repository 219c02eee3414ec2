'use client';
// Discharge from the order: by the responsible clinician, the hospital managers (a panel of three
// or more, s23(4)) or the tribunal; with the social factors behind the decision.
import { useActionState } from 'react';
import {
  DateField,
  DateTimeField,
  RadiosField,
  SelectField,
  SubmissionFields,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type PreviousSocialRating,
} from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import {
  DISCHARGE_ROUTE_LABELS,
  MIN_PANEL_MEMBERS,
  type DischargeRouteValue,
} from '@/lib/schemas/orders/discharge';
import { dateTimeErrors, dateTimeSummary, formReader, type FormAction } from './form-support';

export function DischargeForm({
  action,
  orderId,
  version,
  idempotencyKey,
  routes,
  tribunalCases,
  today,
  time,
  previousSocial,
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
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const f = formReader(state);
  const fields: [string, string][] = [
    ['route', 'route-option'],
    ...dateTimeSummary('decidedAt', 'decidedAt'),
    ['reasons', 'reasons'],
    ['panel', 'panel'],
    ['hearingHeldOn', 'hearingHeldOn-day'],
    ['tribunalCaseId', 'tribunalCaseId'],
    ['tribunalApplicant', 'tribunalApplicant-option'],
    ['tribunalReceivedOn', 'tribunalReceivedOn-day'],
    ...socialFactorErrorFields(),
  ];
  const only = routes.length === 1 ? routes[0] : undefined;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={fields} />
      <SubmissionFields version={version} idempotencyKey={idempotencyKey} />
      <input type="hidden" name="orderId" value={orderId} />
      {only ? (
        <>
          <input type="hidden" name="route" value={only} />
          <p>
            <strong>{DISCHARGE_ROUTE_LABELS[only]}</strong>
          </p>
        </>
      ) : (
        <RadiosField
          id="route"
          name="route"
          legend="Who discharged the order?"
          options={routes.map((r) => ({ value: r, label: DISCHARGE_ROUTE_LABELS[r] }))}
          defaultValue={f.value('route')}
          error={f.error('route')}
        />
      )}
      <DateTimeField
        id="decidedAt"
        name="decidedAt"
        legend="When was the decision made?"
        hint="The order ends at this time."
        defaultDate={f.date('decidedAt.date', today)}
        defaultTime={f.value('decidedAt.time', time)}
        {...dateTimeErrors(f.errors, 'decidedAt')}
      />
      <TextAreaField
        id="reasons"
        name="reasons"
        label="Reasons for discharge"
        rows={5}
        defaultValue={f.value('reasons')}
        error={f.error('reasons')}
      />
      {routes.includes('HOSPITAL_MANAGERS') ? (
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            Hospital managers’ hearing
          </legend>
          <p className="nhsuk-body-s">Only for a discharge by the hospital managers.</p>
          <TextAreaField
            id="panel"
            name="panel"
            label="Members of the panel"
            hint={`One name on each line: at least ${MIN_PANEL_MEMBERS} members (section 23(4)).`}
            rows={4}
            defaultValue={f.value('panel')}
            error={f.error('panel')}
          />
          <DateField
            id="hearingHeldOn"
            name="hearingHeldOn"
            legend="Date of the hearing"
            defaultValue={f.date('hearingHeldOn')}
            error={f.error('hearingHeldOn')}
          />
        </fieldset>
      ) : null}
      {routes.includes('TRIBUNAL') ? (
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Tribunal</legend>
          <p className="nhsuk-body-s">Only for a discharge by the tribunal (section 72(1)(c)).</p>
          <SelectField
            id="tribunalCaseId"
            name="tribunalCaseId"
            label="The application or reference the tribunal decided"
            options={[...tribunalCases, { value: 'new', label: 'Not recorded yet: record it now' }]}
            defaultValue={f.value('tribunalCaseId', tribunalCases[0]?.value ?? 'new')}
            error={f.error('tribunalCaseId')}
          />
          <RadiosField
            id="tribunalApplicant"
            name="tribunalApplicant"
            legend="If not recorded yet: who applied, or referred the case?"
            options={[
              { value: 'PATIENT', label: 'The patient' },
              { value: 'NEAREST_RELATIVE', label: 'The nearest relative' },
              { value: 'HOSPITAL_MANAGERS', label: 'The hospital managers (reference)' },
            ]}
            defaultValue={f.value('tribunalApplicant')}
            error={f.error('tribunalApplicant')}
          />
          <DateField
            id="tribunalReceivedOn"
            name="tribunalReceivedOn"
            legend="If not recorded yet: when was the application or reference received?"
            defaultValue={f.date('tribunalReceivedOn')}
            error={f.error('tribunalReceivedOn')}
          />
          <TextField
            id="tribunalReference"
            name="tribunalReference"
            label="Tribunal reference (optional)"
            defaultValue={f.value('tribunalReference')}
            error={f.error('tribunalReference')}
          />
        </fieldset>
      ) : null}
      <SocialFactorsFieldset
        previous={previousSocial?.ratings}
        previousAssessedOn={previousSocial?.assessedOn ?? null}
        previousAssessedBy={previousSocial?.assessedBy ?? null}
        previousDecisionPoint={previousSocial?.decisionPoint ?? null}
        errors={f.errors}
        values={state.values}
        decisionLabel="this discharge"
        headingLevel={2}
      />
      <button
        className="nhsuk-button nhsuk-button--warning"
        type="submit"
        disabled={pending}
        data-prevent-double-click="true"
      >
        Discharge the order
      </button>
    </form>
  );
}
