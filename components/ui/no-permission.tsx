// What a page says when the signed-in person's roles do not allow it (the refusal itself is
// audited by the query that refused).
import Link from 'next/link';

export function NoPermission({ what }: { what: string }) {
  return (
    <>
      <h1>You do not have permission to see {what}</h1>
      <p>Your roles in CTO Tracker do not include this.</p>
      <p>
        If you need it for your work, ask your system administrator. Every attempt is recorded in
        the audit trail.
      </p>
      <p>
        <Link href="/">Go to your start page</Link>
      </p>
    </>
  );
}
