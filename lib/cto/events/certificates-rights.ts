/**
 * Part 4A certificates and rights information, Mental Health Act 1983 s64C, s132A.
 *
 * - CERTIFICATE_GIVEN (s64C(4), (4A); reg 28): a CTO11 (SOAD) or a CTO12 (given by the approved
 *   clinician in charge, so recorded as the responsible clinician).
 * - CERTIFICATE_ENDED (s64C(4A), (6)): a CTO12 stops covering treatment when consent is
 *   withdrawn or capacity lost; a CTO11 is needed, except in an emergency (s64G).
 * - RIGHTS_INFORMATION_GIVEN (s132A): both orally and in writing (s132A(3)); only one is
 *   recorded with a warning.
 */
import { formatDate } from '../dates';
import { refuse } from '../outcomes';
import { type HandlerTable, mustOrder, notAfterToday, validDay } from './handler';

type CertificatesRightsEvent =
  'CERTIFICATE_GIVEN' | 'CERTIFICATE_ENDED' | 'RIGHTS_INFORMATION_GIVEN';

/** Handlers of the certificate and rights events. */
export const CERTIFICATES_RIGHTS_HANDLERS: HandlerTable<CertificatesRightsEvent> = {
  CERTIFICATE_GIVEN: {
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validDay(e.givenOn, 'certificate date') ??
        notAfterToday(e.givenOn, ctx.atDay, 'certificate date');
      if (bad) return bad;
      if (e.certificate === 'CTO12' && !ctx.actor.roles.includes('RESPONSIBLE_CLINICIAN')) {
        return refuse(
          'CTO12_NEEDS_APPROVED_CLINICIAN',
          'A CTO12 is given by the approved clinician in charge of the treatment (s64C(4A)); record it as that clinician.',
        );
      }
      if (order.certificates.some((c) => c.id === e.certificateId)) {
        return refuse('ALREADY_RECORDED', `Certificate “${e.certificateId}” is already recorded.`);
      }
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          certificates: [
            ...order.certificates,
            {
              id: e.certificateId,
              kind: e.certificate,
              givenOn: e.givenOn,
              status: 'ACTIVE',
              ...(e.coversRecall !== undefined ? { coversRecall: e.coversRecall } : {}),
            },
          ],
        },
        completes:
          e.certificate === 'CTO11'
            ? ['ARRANGE_PART4A_CERTIFICATE', 'ARRANGE_CTO11']
            : ['ARRANGE_PART4A_CERTIFICATE'],
      };
    },
  },
  CERTIFICATE_ENDED: {
    guard: (ctx) =>
      ctx.order.certificates.some((c) => c.kind === 'CTO12' && c.status === 'ACTIVE')
        ? undefined
        : refuse('NO_CTO12_IN_FORCE', 'There is no CTO12 in force for this order.'),
    validate: (ctx, e) =>
      mustOrder(ctx).certificates.some(
        (c) => c.id === e.certificateId && c.kind === 'CTO12' && c.status === 'ACTIVE',
      )
        ? undefined
        : refuse('NO_CTO12_IN_FORCE', `Certificate “${e.certificateId}” is not a CTO12 in force.`),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const explain = `The CTO12 no longer covers treatment because the patient ${e.reason === 'CONSENT_WITHDRAWN' ? 'withdrew consent' : 'lost capacity'} on ${formatDate(ctx.atDay)}. A CTO11 (SOAD) is needed before further medication, except in an emergency (s64G).`;
      return {
        order: {
          ...order,
          certificates: order.certificates.map((c) =>
            c.id === e.certificateId ? { ...c, status: 'ENDED' as const, endReason: e.reason } : c,
          ),
        },
        clocks: [{ kind: 'CERTIFICATE_REQUIRED', date: ctx.atDay, basis: 's64C(4A)', explain }],
        tasks: [
          {
            kind: 'ARRANGE_CTO11',
            title: 'Request a SOAD for a CTO11',
            basis: 's64C(4), s64H',
            explain,
            dueOn: ctx.atDay,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
          },
        ],
      };
    },
  },
  RIGHTS_INFORMATION_GIVEN: {
    validate: (_ctx, e) => {
      if (!e.givenOrally && !e.givenInWriting)
        return refuse(
          'RIGHTS_INFORMATION_EMPTY',
          'Say whether the information was given orally, in writing, or both.',
        );
      if (!e.givenOrally || !e.givenInWriting) {
        return [
          {
            code: 'RIGHTS_INFORMATION_PARTIAL' as const,
            message: `Rights information must be given both orally and in writing (s132A(3)); only ${e.givenOrally ? 'oral' : 'written'} information is recorded.`,
          },
        ];
      }
      return undefined;
    },
    apply: (ctx) => ({ order: mustOrder(ctx), completes: ['GIVE_RIGHTS_INFORMATION'] }),
  },
};
