'use client';
// The words of the generic error pages, shared by the root versions (which draw the NHS header
// and footer themselves) and the (app) versions (drawn inside the signed-in layout). Plain
// English, no stack trace or internal detail.
import Link from 'next/link';

export function NotFoundContent() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          If you followed a link to a patient, they may not be on your list. Ask a colleague in
          their team, or use emergency access if you need their record now to care for them safely.
        </p>
        <p>
          <Link href="/">Go to your start page</Link>
        </p>
      </div>
    </div>
  );
}

export function ProblemContent({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sorry, there is a problem with the service</h1>
        <p>Try again. If that does not work, try again later.</p>
        <p>
          Anything you were saving has not been saved unless you see it on the page when you go
          back.
        </p>
        {digest ? (
          <p>
            If you contact the service desk, give them this reference: <strong>{digest}</strong>
          </p>
        ) : null}
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button" onClick={() => reset()}>
            Try again
          </button>
          {/* A full page load: the app's own client navigation may be what failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="nhsuk-link" href="/">
            Go to your start page
          </a>
        </div>
      </div>
    </div>
  );
}
