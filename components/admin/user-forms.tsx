'use client';
// The small forms on a user's administration page: each posts to its own server action and
// shows its own error or success message.
import { useActionState } from 'react';
import { Button, Select } from 'nhsuk-react-components';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { FormErrorSummary, FormSuccess } from '@/components/forms/form-error-summary';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** One button that does one thing to the user (remove a role, deactivate, unlock ...). */
export function UserActionButton({
  action,
  userId,
  label,
  hidden = {},
  warning = false,
  secondary = false,
}: {
  action: Action;
  userId: string;
  label: string;
  hidden?: Record<string, string>;
  warning?: boolean;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="nhsuk-u-margin-bottom-5">
      <FormErrorSummary state={state} fields={[]} />
      <FormSuccess state={state} />
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        disabled={pending}
        preventDoubleClick
        warning={warning || undefined}
        secondary={secondary || undefined}
        className="nhsuk-u-margin-bottom-0"
      >
        {label}
      </Button>
    </form>
  );
}

export function GrantRoleForm({
  action,
  userId,
  available,
}: {
  action: Action;
  userId: string;
  available: readonly Role[];
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  if (available.length === 0) return <p>They have every role.</p>;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={[['role', 'role']]} />
      <FormSuccess state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Select id="role" name="role" label="Add a role" error={state.fieldErrors?.role}>
        {available.map((role) => (
          <Select.Option key={role} value={role}>
            {ROLE_LABELS[role]}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" secondary disabled={pending} preventDoubleClick>
        Add role
      </Button>
    </form>
  );
}

export function MoveTeamForm({
  action,
  userId,
  teams,
  currentTeamIds,
}: {
  action: Action;
  userId: string;
  teams: { id: string; name: string }[];
  currentTeamIds: string[];
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={[['teamId', 'teamId']]} />
      <FormSuccess state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Select
        id="teamId"
        name="teamId"
        label={currentTeamIds.length ? 'Move to another team' : 'Put in a team'}
        hint="Their current team membership ends today and the new one starts today."
        defaultValue={teams.find((t) => !currentTeamIds.includes(t.id))?.id}
        error={state.fieldErrors?.teamId}
      >
        {teams.map((team) => (
          <Select.Option key={team.id} value={team.id}>
            {team.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" secondary disabled={pending} preventDoubleClick>
        {currentTeamIds.length ? 'Move team' : 'Put in team'}
      </Button>
    </form>
  );
}
