'use client';
// The shell of every order-flow form (issue 5 part B): the form (../forms/action-form.tsx: the
// NHS error summary with links to the fields, in page order) and after success a confirmation
// that stays on screen while the page behind it refreshes (so the law's new view of the order
// shows at once).
import type { ReactNode } from 'react';
import Link from 'next/link';
import { ActionForm, type ActionFormProps } from '@/components/forms/action-form';
import type { FieldSpec } from '@/components/forms/field-list';
import type { FormState } from '@/lib/schemas/form-state';
import { WarningCallout } from '@/components/ui/warning-callout';
import { Countdown } from './countdown';
import type { FlowState } from './flow-state';
import type { FormAction } from './form-support';

export type FlowAction = (state: FlowState, form: FormData) => Promise<FlowState>;

/** The props every order-flow form takes from its page. */
export interface FlowFormCommon {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
  /** The state to start from (the tests draw a refused form with it). */
  initialState?: FlowState;
  /**
   * The step is done: what was recorded, shown instead of a blank form (issue 8 §2). The
   * confirmation of a submission made on this page still shows first.
   */
  done?: ReactNode;
}

function Confirmation({
  state,
  title,
  next,
}: {
  state: FlowState;
  title: string;
  next?: ReactNode;
}) {
  return (
    <div role="status">
      <div className="nhsuk-panel nhsuk-panel--confirmation app-flow-confirmation">
        <h2 className="nhsuk-panel__title">{title}</h2>
        {state.message ? <div className="nhsuk-panel__body">{state.message}</div> : null}
      </div>
      {state.details?.map((line) => (
        <p className="nhsuk-body" key={line}>
          {line}
        </p>
      ))}
      {state.deadline ? <Countdown deadline={state.deadline} /> : null}
      {state.warnings?.map((line) => (
        <WarningCallout key={line} label="Check this" headingLevel={3}>
          <p>{line}</p>
        </WarningCallout>
      ))}
      {next}
    </div>
  );
}

/** A link offered after success: [href, text]. */
export type NextLink = readonly [href: string, text: string];

export interface FlowFormProps<T> extends Omit<
  ActionFormProps<T, FlowState>,
  'action' | 'replace' | 'submitLabel'
> {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  submitLabel: string;
  confirmationTitle: string;
  /** After success, a link back to the patient (the last of `links` when there are more). */
  back?: boolean;
  /** After success, what to do next, listed above the link back to the patient. */
  links?: readonly NextLink[];
  patientHref?: string;
  /** The law's reason this step cannot be recorded now: shown instead of the form. */
  unavailable?: string | null;
  /** What was recorded when the step is done: shown instead of the form. */
  done?: ReactNode;
}

function Next({
  back,
  links = [],
  href,
}: {
  back?: boolean;
  links?: readonly NextLink[];
  href?: string;
}) {
  const backLink = back && href ? <Link href={href}>Back to the patient</Link> : null;
  if (links.length === 0) return backLink;
  return (
    <ul className="nhsuk-list">
      {links.map(([to, text]) => (
        <li key={to}>
          <Link href={to}>{text}</Link>
        </li>
      ))}
      {backLink ? <li>{backLink}</li> : null}
    </ul>
  );
}

export function FlowForm<T = unknown>({
  orderId,
  hidden,
  confirmationTitle,
  back,
  links,
  patientHref,
  unavailable,
  done,
  ...props
}: FlowFormProps<T>) {
  return (
    <ActionForm<T, FlowState>
      {...props}
      hidden={{ orderId, ...hidden }}
      replace={(state) =>
        state.ok ? (
          <Confirmation
            state={state}
            title={confirmationTitle}
            next={<Next back={back} links={links} href={patientHref} />}
          />
        ) : done ? (
          done
        ) : unavailable ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{unavailable}</p>
          </div>
        ) : null
      }
    />
  );
}

/** The props every form that changes an order outside the flow pages takes from its page. */
export interface OrderFormCommon {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
}

/**
 * A form that changes an order: the order's id, the version the person saw and the form's
 * one-time key go with it as hidden fields.
 */
export function OrderForm<T = unknown, S extends FormState = FormState>({
  orderId,
  hidden,
  ...props
}: Omit<ActionFormProps<T, S>, 'version' | 'idempotencyKey'> & {
  orderId: string;
  version: number;
  idempotencyKey: string;
}) {
  return <ActionForm<T, S> {...props} hidden={{ orderId, ...hidden }} />;
}

/** What a form says and asks, either fixed or drawn from its page's props. */
type FromProps<P, V> = V | ((props: P) => V);

function fromProps<P, V>(value: FromProps<P, V>, props: P): V {
  return typeof value === 'function' ? (value as (props: P) => V)(props) : value;
}

type Described<T, Fixed, P> = Fixed & {
  hidden?: (props: P) => Record<string, string>;
  fields: FromProps<P, readonly FieldSpec<T>[]>;
};

/**
 * An order-flow form described as data: its button, its confirmation and its fields. Gives the
 * component a page draws with the common props (`FlowFormCommon`) and the form's own (`P`).
 */
export function flowForm<T, P = object>(
  form: Described<
    T,
    Pick<FlowFormProps<T>, 'submitLabel' | 'confirmationTitle' | 'back' | 'idPrefix'> & {
      links?: (props: FlowFormCommon & P) => readonly NextLink[];
    },
    FlowFormCommon & P
  >,
) {
  return function DescribedFlowForm(props: FlowFormCommon & P) {
    const { fields, hidden, links, ...fixed } = form;
    return (
      <FlowForm<T>
        {...props}
        {...fixed}
        hidden={hidden?.(props)}
        links={links?.(props)}
        fields={fromProps(fields, props)}
      />
    );
  };
}

/** A form that changes an order outside the flow pages, described as data (see flowForm). */
export function orderForm<T, P = object>(
  form: Described<
    T,
    Pick<ActionFormProps<T, FormState>, 'submitLabel' | 'submitVariant' | 'idPrefix'>,
    OrderFormCommon & P
  >,
) {
  return function DescribedOrderForm(props: OrderFormCommon & P) {
    const { fields, hidden, ...fixed } = form;
    return (
      <OrderForm<T>
        {...props}
        {...fixed}
        hidden={hidden?.(props)}
        fields={fromProps(fields, props)}
      />
    );
  };
}
