// Discharge from the order (s23(2)(c), s72(1)(c)): by the responsible clinician, by the hospital
// managers (a panel of three or more, s23(4)) or by the tribunal.
import { z } from 'zod';
import { dateTimeInput, optionalChoice, optionalText, requiredText } from '@/lib/schemas/common';
import { socialFactorsSchema } from '@/lib/schemas/social-factors';
import { optionalDate, orderRef } from './shared';

export const DISCHARGE_ROUTES = ['RESPONSIBLE_CLINICIAN', 'HOSPITAL_MANAGERS', 'TRIBUNAL'] as const;
export type DischargeRouteValue = (typeof DISCHARGE_ROUTES)[number];

export const DISCHARGE_ROUTE_LABELS: Record<DischargeRouteValue, string> = {
  RESPONSIBLE_CLINICIAN: 'By the responsible clinician',
  HOSPITAL_MANAGERS: 'By the hospital managers',
  TRIBUNAL: 'By the tribunal',
};

/** s23(4): the managers' power is exercised by three or more members. */
export const MIN_PANEL_MEMBERS = 3;

export const panelMembers = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/\r?\n|,/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const dischargeSchema = z
  .object({
    ...orderRef,
    route: z.enum(DISCHARGE_ROUTES, { error: 'Choose who discharged the order' }),
    decidedAt: dateTimeInput('of the decision'),
    reasons: requiredText('the reasons for discharge', 4000),
    // Hospital managers
    panel: panelMembers,
    hearingHeldOn: optionalDate('the date of the hearing'),
    // Tribunal
    tribunalCaseId: z.string().optional(),
    tribunalApplicant: optionalChoice(
      ['PATIENT', 'NEAREST_RELATIVE', 'HOSPITAL_MANAGERS'],
      'Choose who applied to the tribunal, or whether the hospital managers referred the case',
    ),
    tribunalReceivedOn: optionalDate('the date the application or reference was received'),
    tribunalReference: optionalText('the tribunal reference', 100),
    // Issue 5 part 2: the social factors behind the decision (decision point DISCHARGE).
    social: socialFactorsSchema,
  })
  .superRefine((v, ctx) => {
    if (v.route === 'HOSPITAL_MANAGERS') {
      if (v.panel.length < MIN_PANEL_MEMBERS)
        ctx.addIssue({
          code: 'custom',
          path: ['panel'],
          message: `Enter the names of the panel: at least ${MIN_PANEL_MEMBERS} members (section 23(4))`,
        });
      if (!v.hearingHeldOn)
        ctx.addIssue({
          code: 'custom',
          path: ['hearingHeldOn'],
          message: 'Enter the date of the hearing',
        });
    }
    if (v.route === 'TRIBUNAL') {
      const existing = v.tribunalCaseId && v.tribunalCaseId !== 'new';
      if (!existing && !v.tribunalApplicant)
        ctx.addIssue({
          code: 'custom',
          path: ['tribunalApplicant'],
          message: 'Choose who applied, or who referred the case',
        });
      if (!existing && !v.tribunalReceivedOn)
        ctx.addIssue({
          code: 'custom',
          path: ['tribunalReceivedOn'],
          message: 'Enter the date the application or reference was received',
        });
      if (existing && !z.uuid().safeParse(v.tribunalCaseId).success)
        ctx.addIssue({
          code: 'custom',
          path: ['tribunalCaseId'],
          message: 'Choose the tribunal case',
        });
    }
  });
export type DischargeInput = z.infer<typeof dischargeSchema>;
