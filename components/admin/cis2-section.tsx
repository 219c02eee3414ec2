// The "NHS CIS2" section of a user's administration page: the link to their CIS2 user id and
// how sign-in with CIS2 treats their roles (docs/decisions/641-cis2-sign-in.md).
import { Cis2LinkForm } from '@/components/admin/cis2-link-form';
import type { FormState } from '@/lib/schemas/form-state';

export function Cis2Section({
  action,
  userId,
  cis2UserId,
  cis2Roles,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  userId: string;
  cis2UserId: string | null;
  cis2Roles: readonly string[];
}) {
  return (
    <section aria-labelledby="cis2-heading">
      <h2 id="cis2-heading">NHS CIS2</h2>
      <p>
        {cis2UserId
          ? `Linked to NHS CIS2 user id ${cis2UserId}.`
          : 'Not linked yet. They will be linked by their email address when they first sign in with NHS CIS2, or enter their user id here.'}
      </p>
      <p>
        {cis2Roles.length
          ? `Given by NHS CIS2 sign-in, from the role they selected: ${cis2Roles.join(', ')}. Sign-in changes only roles it gave. If you remove one, sign-in will not give it back; a role you add is never taken away by sign-in.`
          : 'No current role came from NHS CIS2 sign-in. Sign-in changes only roles it gave: a role you add or remove here stays as you set it.'}
      </p>
      <Cis2LinkForm action={action} userId={userId} cis2UserId={cis2UserId} />
    </section>
  );
}
