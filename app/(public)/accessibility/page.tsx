import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Accessibility statement' };

export default function AccessibilityStatementPage() {
  return (
    <>
      <h1>Accessibility statement</h1>
      <p>
        CTO Tracker is used by NHS staff to keep track of community treatment orders. We want as
        many people as possible to be able to use it. You should be able to:
      </p>
      <ul>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>move through every page and form using only a keyboard</li>
        <li>use it with a screen reader or speech recognition software</li>
        <li>change colours, contrast levels and fonts in your browser</li>
      </ul>

      <h2>How accessible CTO Tracker is</h2>
      <p>
        CTO Tracker aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at
        level AA. It uses the NHS design system, and its automated tests check the pages they open
        for accessibility problems with the axe checker.
      </p>
      <p>
        Automated checks find only some problems. If something does not work for you, tell us so
        that we can fix it.
      </p>

      <h2>Reporting a problem</h2>
      <p>
        Tell your trust&apos;s IT service desk or your Mental Health Act office what you were trying
        to do, on which page, and what happened. If you need information from CTO Tracker in another
        format, ask your Mental Health Act office.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the
        accessibility regulations. If you are not happy with how your trust responds to your
        complaint, contact the Equality Advisory and Support Service (EASS).
      </p>
    </>
  );
}
