// The nearest relative's orders for discharge on this order: the pending one with its 72-hour
// point, and each barred one with the 28-day tribunal window and the six-month bar (lib/cto).
import { WarningCallout } from '@/components/ui/warning-callout';
import { formatDate, formatDateTime } from '@/lib/format';
import { fromDbDate } from '@/lib/server/dates';
import { nrBarEnds, nrDischargeTakesEffectAt, nrTribunalWindow } from '@/lib/cto';

export interface NrOrderRow {
  id: string;
  receivedAt: Date;
  takesEffectAt: Date;
  outcome: string;
  barringReportAt: Date | null;
  barringReportOn: Date | null;
  barringReasons: string | null;
  nearestRelativeInformedOn: Date | null;
  nearestRelative: { name: string; relationship: string } | null;
}

export function PendingNearestRelativeOrder({ row, now }: { row: NrOrderRow; now: Date }) {
  const effect = nrDischargeTakesEffectAt(row.receivedAt);
  const left = effect.instant.getTime() - now.getTime();
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return (
    <WarningCallout label="Nearest relative’s order for discharge pending">
      <p>
        {row.nearestRelative
          ? `${row.nearestRelative.name} (${row.nearestRelative.relationship})`
          : 'The nearest relative'}{' '}
        gave notice of an order for discharge, received {formatDateTime(row.receivedAt)}.
      </p>
      <p>
        It takes effect <strong>{formatDateTime(effect.instant)}</strong> (72 hours later), unless
        the responsible clinician furnishes a barring report (M2) before then.
        {left > 0 ? ` ${hours} hours ${minutes} minutes left.` : ''}
      </p>
      {left <= 0 ? (
        <p>
          <strong>
            The 72 hours have ended with no barring report: the order is discharged by the nearest
            relative. The scheduled job records the end of the order.
          </strong>
        </p>
      ) : null}
      <p className="nhsuk-body-s">
        {effect.explain} ({effect.basis})
      </p>
    </WarningCallout>
  );
}

export function BarredOrderSummary({ row }: { row: NrOrderRow }) {
  if (!row.barringReportOn) return null;
  const reportOn = fromDbDate(row.barringReportOn);
  const informedOn = row.nearestRelativeInformedOn
    ? fromDbDate(row.nearestRelativeInformedOn)
    : reportOn;
  const window = nrTribunalWindow(informedOn);
  const bar = nrBarEnds(reportOn);
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Order for discharge received</dt>
        <dd className="nhsuk-summary-list__value">{formatDateTime(row.receivedAt)}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Barring report (M2)</dt>
        <dd className="nhsuk-summary-list__value">
          Furnished {formatDateTime(row.barringReportAt)}. The order continues.
          {row.barringReasons ? (
            <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
              {row.barringReasons}
            </p>
          ) : null}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Nearest relative may apply to the tribunal</dt>
        <dd className="nhsuk-summary-list__value">
          From {formatDate(window.opens)} to <strong>{formatDate(window.closes.date)}</strong>
          <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
            {window.closes.explain} ({window.closes.basis})
          </p>
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">No further order for discharge until after</dt>
        <dd className="nhsuk-summary-list__value">
          <strong>{formatDate(bar.date)}</strong>
          <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
            {bar.explain} ({bar.basis})
          </p>
        </dd>
      </div>
    </dl>
  );
}
