import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'How we use information' };

export default function PrivacyPage() {
  return (
    <>
      <h1>How we use information</h1>
      <p>
        CTO Tracker holds information about people on community treatment orders under the Mental
        Health Act 1983, and about the staff who look after them. Your NHS trust decides how it is
        used and is responsible for it. Its privacy notice says how to contact its data protection
        officer and what your rights are.
      </p>

      <h2>What is kept</h2>
      <ul>
        <li>
          the patient&apos;s details, their orders and every step in them (the statutory forms,
          dates and decisions)
        </li>
        <li>contacts with the patient, and reviews of their social circumstances</li>
        <li>tribunal and hospital managers&apos; paperwork</li>
        <li>
          the names, roles and teams of staff who use CTO Tracker, and what each of them does in it
        </li>
      </ul>

      <h2>Who can see it</h2>
      <p>
        Staff see only what their role needs: a care coordinator or responsible clinician sees the
        patients of their own team and those they are assigned to; an approved mental health
        professional sees the patients whose agreement is asked of them; the Mental Health Act
        office and hospital managers see the whole trust.
      </p>
      <p>
        Opening a patient who is not on your list needs a reason, and the trust&apos;s privacy
        officer reviews it.
      </p>

      <h2>Every view is recorded</h2>
      <p>
        CTO Tracker records who looked at or changed each record, and when, in an audit trail that
        cannot be altered. The privacy officer reads it to check that records are opened only for
        care.
      </p>
    </>
  );
}
