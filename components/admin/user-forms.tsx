'use client';
// The small forms on a user's administration page: each posts to its own server action and
// shows its own error or success message.
import { useActionState } from 'react';
import { Button, Select } from 'nhsuk-react-components';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { FormErrorSummary, FormSuccess } from '@/components/forms/form-error-summary';
import type { moveUserTeamSchema, userRoleSchema } from '@/lib/schemas/user-admin';

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

/** One choice from a list, sent with the user's id: add a role, move team. */
function UserChoiceForm({
  action,
  userId,
  submitLabel,
  name,
  label,
  hint,
  options,
  initial,
}: {
  action: Action;
  userId: string;
  submitLabel: string;
  name: 'role' | 'teamId';
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  initial?: string;
}) {
  return (
    <ActionForm<InputOf<typeof userRoleSchema> & InputOf<typeof moveUserTeamSchema>>
      action={action}
      hidden={{ userId }}
      rekey
      showSuccess
      submitLabel={submitLabel}
      submitVariant="secondary"
    >
      {(f) => (
        <Select {...f.select(name, { initial })} label={label} hint={hint}>
          {options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
      )}
    </ActionForm>
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
  if (available.length === 0) return <p>They have every role.</p>;
  return (
    <UserChoiceForm
      action={action}
      userId={userId}
      submitLabel="Add role"
      name="role"
      label="Add a role"
      options={available.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
    />
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
  const moving = currentTeamIds.length > 0;
  return (
    <UserChoiceForm
      action={action}
      userId={userId}
      submitLabel={moving ? 'Move team' : 'Put in team'}
      name="teamId"
      label={moving ? 'Move to another team' : 'Put in a team'}
      hint="Their current team membership ends today and the new one starts today."
      options={teams.map((team) => ({ value: team.id, label: team.name }))}
      initial={teams.find((t) => !currentTeamIds.includes(t.id))?.id}
    />
  );
}
