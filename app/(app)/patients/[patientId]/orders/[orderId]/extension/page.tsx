import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { extensionWindow, formatDate } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { AmhpRequestForm } from '@/components/orders/amhp-forms';
import {
  ConsultationForm,
  ExaminationForm,
  FurnishCto7Form,
} from '@/components/orders/extension-forms';
import {
  FlowPageFrame,
  loadFlowPage,
  loadSocialPrefill,
  unavailableReason,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import {
  loadRenewalSteps,
  recordedStep,
  RenewalTaskList,
} from '@/components/orders/renewal-task-list';
import { listAmhpOptions } from '@/lib/server/services/order-flow';
import {
  consultationAction,
  examinationAction,
  furnishCto7Action,
  requestExtensionAgreementAction,
} from './actions';

export const metadata: Metadata = { title: 'Renewal (extension)' };

export default async function ExtensionPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'extension');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const window = extensionWindow(toSnapshot(order));
  const windowText = window
    ? `${formatDate(window.opens)} to ${formatDate(window.closes)}`
    : 'not open';
  const amhps = await listAmhpOptions();
  const names = new Map(amhps.map((a) => [a.value, a.label]));
  // The renewal as a task list (issue 8 §2): a finished step shows what was recorded.
  const { extension, steps } = await loadRenewalSteps(page, names);
  const requests = extension
    ? order.amhpAgreements.filter(
        (a) => a.purpose === 'EXTENSION' && a.extensionId === extension.id,
      )
    : [];
  const agreed = requests.some((a) => a.decision === 'AGREED');
  const pending = requests.some((a) => a.decision === 'PENDING');
  const askReason = !can(page.actor.roles, 'request:amhp-agreement')
    ? 'Only the responsible clinician asks an AMHP.'
    : !extension?.examinedOn
      ? 'Record the examination (Part 1) first.'
      : agreed
        ? 'An AMHP has agreed.'
        : pending
          ? 'An AMHP has been asked and has not answered yet. You can ask another AMHP if needed.'
          : null;
  const common = {
    orderId: order.id,
    version: order.version,
    patientHref: `/patients/${page.patient.id}`,
  };
  return (
    <FlowPageFrame page={page} title="Renewal (extension) of the order" form="CTO7">
      <p className="nhsuk-body">
        Current period ends:{' '}
        {order.currentExpiryDate
          ? formatDate(order.currentExpiryDate.toISOString().slice(0, 10))
          : 'not made'}
        . Renewal window: {windowText}
        {window?.via21A ? ' (extended by section 21A after absence without leave)' : ''}.
      </p>
      <RenewalTaskList page={page} steps={steps} />

      <h2 id="examination">1. Examination and opinion (Part 1)</h2>
      <ExaminationForm
        done={recordedStep(steps, 'examination')}
        {...common}
        action={examinationAction}
        idempotencyKey={page.newKey()}
        windowText={windowText}
        {...(window ? { windowOpens: window.opens } : {})}
        unavailable={unavailableReason(page, 'EXAMINE_FOR_EXTENSION')}
        social={page.event('EXAMINE_FOR_EXTENSION')?.allowed ? await loadSocialPrefill(page) : {}}
      />
      <h2 id="consultation">2. Consultation</h2>
      <ConsultationForm
        done={recordedStep(steps, 'consultation')}
        {...common}
        action={consultationAction}
        idempotencyKey={page.newKey()}
        unavailable={unavailableReason(page, 'CONSULT_FOR_EXTENSION')}
      />
      <h2 id="amhp">3. Ask an AMHP to agree (Part 2)</h2>
      <AmhpRequestForm
        done={recordedStep(steps, 'amhp')}
        {...common}
        action={requestExtensionAgreementAction}
        purpose="EXTENSION"
        amhps={amhps}
        idempotencyKey={page.newKey()}
        unavailable={askReason && !pending ? askReason : null}
      />
      {pending && askReason ? <p className="nhsuk-body-s">{askReason}</p> : null}
      <h2 id="cto7">4. Furnish the report (Part 3)</h2>
      <FurnishCto7Form
        done={recordedStep(steps, 'cto7')}
        {...common}
        action={furnishCto7Action}
        idempotencyKey={page.newKey()}
        unavailable={unavailableReason(page, 'FURNISH_CTO7')}
      />
    </FlowPageFrame>
  );
}
