// Converted forms drawn with a refused state (react-dom/server): the kept values, the errors
// beside the fields, and the error summary in the order of the fields on the page.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AwolEndsForm, TribunalCaseForm } from '@/components/orders/awol-tribunal-forms';
import { ContactForm } from '@/components/social/contact-form';
import type { FlowState } from '@/components/orders/flow-state';

const common = {
  action: async (state: FlowState) => state,
  orderId: '00000000-0000-4000-8000-000000000002',
  version: 3,
  idempotencyKey: 'key-1',
  patientHref: '/patients/x',
};

/** The opening tag of the input with these attributes (in any order), or undefined. */
function input(html: string, ...attrs: string[]): string | undefined {
  return [...html.matchAll(/<input [^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attrs.every((a) => tag.includes(` ${a}`)));
}

/** The error summary's links, in order: [href, text]. */
function summaryLinks(html: string): [string, string][] {
  const summary = html.slice(html.indexOf('nhsuk-error-summary'), html.indexOf('</ul>'));
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('a converted order-flow form, refused', () => {
  const state: FlowState = {
    ok: false,
    message: 'There is a problem',
    // Deliberately not in page order: the summary follows the page.
    fieldErrors: {
      notes: 'Notes must be 2000 characters or fewer',
      how: 'Select how the patient returned',
      'at.time': 'Enter the time the patient returned in 24-hour format, like 14:30',
    },
    values: {
      'at.date.day': '7',
      'at.date.month': '12',
      'at.date.year': '2026',
      'at.time': '25:61',
      notes: 'Came back with a friend',
    },
  };
  const html = renderToStaticMarkup(
    createElement(AwolEndsForm, { ...common, initialState: state }),
  );

  it('lists the errors in the order of the fields on the page', () => {
    expect(summaryLinks(html)).toEqual([
      ['at-time', 'Enter the time the patient returned in 24-hour format, like 14:30'],
      ['how-option', 'Select how the patient returned'],
      ['notes', 'Notes must be 2000 characters or fewer'],
    ]);
  });

  it('keeps what was typed, under the dotted names the server reads', () => {
    expect(input(html, 'id="at-date-day"', 'name="at.date.day"')).toContain('value="7"');
    expect(input(html, 'name="at.date.month"')).toContain('value="12"');
    expect(input(html, 'name="at.date.year"')).toContain('value="2026"');
    expect(input(html, 'id="at-time"', 'name="at.time"')).toContain('value="25:61"');
    expect(html).toContain('>Came back with a friend</textarea>');
  });

  it('shows each error beside its field and the hidden fields of the order', () => {
    expect(html).toContain('id="how-error"');
    expect(html).toContain('id="notes-error"');
    expect(html).toMatch(
      /<input type="hidden" name="orderId" value="00000000-0000-4000-8000-000000000002"\/>/,
    );
    expect(html).toMatch(/name="expectedVersion" value="3"/);
  });
});

describe('a select and radios after a refusal', () => {
  it('keep their choice', () => {
    const html = renderToStaticMarkup(
      createElement(TribunalCaseForm, {
        ...common,
        initialState: {
          ok: false,
          message: 'There is a problem',
          fieldErrors: { receivedOn: 'Enter the date the reference was made' },
          values: {
            kind: 'REFERENCE',
            basis: 's68(6)',
            'receivedOn.day': '',
            patientIsInpatient: 'no',
          },
        },
      }),
    );
    expect(html).toMatch(/<option value="s68\(6\)" selected="">/);
    expect(input(html, 'name="kind"', 'value="REFERENCE"')).toContain('checked=""');
    expect(input(html, 'name="kind"', 'value="APPLICATION"')).not.toContain('checked');
    expect(input(html, 'name="patientIsInpatient"', 'value="no"')).toContain('checked=""');
    expect(summaryLinks(html)).toEqual([
      ['receivedOn-day', 'Enter the date the reference was made'],
    ]);
  });
});

describe('a form outside the order flow', () => {
  it('starts from its initial values, and after a refusal from what was sent', () => {
    const props = {
      action: async () => ({}),
      today: '2026-12-07',
      nowTime: '09:30',
      idempotencyKey: 'k',
    };
    const fresh = renderToStaticMarkup(createElement(ContactForm, props));
    expect(input(fresh, 'name="occurredAt.date.day"')).toContain('value="7"');
    expect(input(fresh, 'name="occurredAt.time"')).toContain('value="09:30"');
    expect(fresh).not.toContain('nhsuk-error-summary');

    const refused = renderToStaticMarkup(
      createElement(ContactForm, {
        ...props,
        initialState: {
          ok: false,
          message: 'There is a problem',
          fieldErrors: { 'activities.1.description': 'Say what was done in activity 2' },
          values: { 'occurredAt.time': '10:15', 'activities.1.kind': 'ADVOCACY_REFERRAL' },
        },
      }),
    );
    expect(input(refused, 'name="occurredAt.time"')).toContain('value="10:15"');
    expect(refused).toMatch(/<option value="ADVOCACY_REFERRAL" selected="">/);
    expect(summaryLinks(refused)).toEqual([
      ['activities-1-description', 'Say what was done in activity 2'],
    ]);
  });
});
