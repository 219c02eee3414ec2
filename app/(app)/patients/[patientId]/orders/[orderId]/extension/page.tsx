import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { extensionWindow, formatDate, formatInstant } from '@/lib/cto';
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
import { currentExtensionRow } from '@/lib/server/services/extension-rows';
import { listAmhpOptions } from '@/lib/server/services/order-flow';
import {
  consultationAction,
  examinationAction,
  furnishCto7Action,
  requestExtensionAgreementAction,
} from './actions';

export const metadata: Metadata = { title: 'Renewal (extension)' };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default async function ExtensionPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'extension');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const window = extensionWindow(toSnapshot(order));
  const windowText = window
    ? `${formatDate(window.opens)} to ${formatDate(window.closes)}`
    : 'not open';
  const extension = currentExtensionRow(order);
  const requests = extension
    ? order.amhpAgreements.filter(
        (a) => a.purpose === 'EXTENSION' && a.extensionId === extension.id,
      )
    : [];
  const amhps = await listAmhpOptions();
  const names = new Map(amhps.map((a) => [a.value, a.label]));
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
      <dl className="nhsuk-summary-list">
        <Row label="Current period ends">
          {order.currentExpiryDate
            ? formatDate(order.currentExpiryDate.toISOString().slice(0, 10))
            : 'Not made'}
        </Row>
        <Row label="Renewal window">
          {windowText}
          {window?.via21A ? ' (extended by section 21A after absence without leave)' : ''}
        </Row>
        <Row label="Examination (Part 1)">
          {extension?.examinedOn
            ? formatDate(extension.examinedOn.toISOString().slice(0, 10))
            : 'Not recorded'}
        </Row>
        <Row label="Consultation (section 20A(9))">
          {extension?.consultedOn
            ? `${extension.consulteeName ?? ''} (${extension.consulteeRole ?? ''}), ${formatDate(extension.consultedOn.toISOString().slice(0, 10))}`
            : 'Not recorded'}
        </Row>
        <Row label="AMHP (Part 2)">
          {requests.length === 0
            ? 'Not asked'
            : requests
                .map(
                  (a) =>
                    `${names.get(a.amhpId) ?? 'An AMHP'}: ${
                      a.decision === 'PENDING'
                        ? 'asked, not answered yet'
                        : a.decision === 'AGREED'
                          ? `agreed ${a.respondedAt ? formatInstant(a.respondedAt) : ''}`
                          : a.decision === 'DECLINED'
                            ? `did not agree${a.reasons ? `: “${a.reasons}”` : ''}`
                            : 'no longer applies (examined again)'
                    }`,
                )
                .join('; ')}
        </Row>
      </dl>

      <h2>1. Examination and opinion (Part 1)</h2>
      <ExaminationForm
        {...common}
        action={examinationAction}
        idempotencyKey={page.newKey()}
        windowText={windowText}
        {...(window ? { windowOpens: window.opens } : {})}
        unavailable={unavailableReason(page, 'EXAMINE_FOR_EXTENSION')}
        social={page.event('EXAMINE_FOR_EXTENSION')?.allowed ? await loadSocialPrefill(page) : {}}
      />
      <h2>2. Consultation</h2>
      <ConsultationForm
        {...common}
        action={consultationAction}
        idempotencyKey={page.newKey()}
        unavailable={unavailableReason(page, 'CONSULT_FOR_EXTENSION')}
      />
      <h2>3. Ask an AMHP to agree (Part 2)</h2>
      <AmhpRequestForm
        {...common}
        action={requestExtensionAgreementAction}
        purpose="EXTENSION"
        amhps={amhps}
        idempotencyKey={page.newKey()}
        unavailable={askReason && !pending ? askReason : null}
      />
      {pending && askReason ? <p className="nhsuk-body-s">{askReason}</p> : null}
      <h2>4. Furnish the report (Part 3)</h2>
      <FurnishCto7Form
        {...common}
        action={furnishCto7Action}
        idempotencyKey={page.newKey()}
        unavailable={unavailableReason(page, 'FURNISH_CTO7')}
      />
    </FlowPageFrame>
  );
}
