'use client';
import { useActionState } from 'react';
import { Button, Checkboxes, Select, TextInput } from 'nhsuk-react-components';
import { ROLES, ROLE_LABELS } from '@/lib/auth/roles';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { PASSWORD_MIN } from '@/lib/schemas/user-admin';
import { FormErrorSummary } from '@/components/forms/form-error-summary';

const FIELDS = [
  ['name', 'name'],
  ['email', 'email'],
  ['jobTitle', 'jobTitle'],
  ['roles', 'roles'],
  ['teamId', 'teamId'],
  ['password', 'password'],
] as const;

export function CreateUserForm({
  action,
  teams,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  teams: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const text = (name: string) => {
    const v = state.values?.[name];
    return typeof v === 'string' ? v : '';
  };
  const chosenRoles = Array.isArray(state.values?.roles) ? state.values.roles : [];
  return (
    // A new key after each answer resets the uncontrolled fields to the values sent back.
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? {})}>
      <FormErrorSummary state={state} fields={FIELDS} />
      <TextInput
        id="name"
        name="name"
        label="Full name"
        autoComplete="off"
        spellCheck={false}
        defaultValue={text('name')}
        error={errors.name}
      />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        hint="Their NHS email address. People who sign in with NHS CIS2 are matched by it."
        autoComplete="off"
        spellCheck={false}
        defaultValue={text('email')}
        error={errors.email}
      />
      <TextInput
        id="jobTitle"
        name="jobTitle"
        label="Job title (optional)"
        autoComplete="off"
        defaultValue={text('jobTitle')}
        error={errors.jobTitle}
      />
      <Checkboxes
        legend="Roles"
        legendProps={{ size: 's' }}
        hint="Select all that apply. Each role decides what they can see and do. A role takes effect when a second system administrator approves it."
        error={errors.roles}
        idPrefix="roles"
      >
        {ROLES.map((role, index) => (
          <Checkboxes.Item
            key={role}
            id={index === 0 ? 'roles' : `roles-${role.toLowerCase()}`}
            name="roles"
            value={role}
            defaultChecked={chosenRoles.includes(role)}
          >
            {ROLE_LABELS[role]}
          </Checkboxes.Item>
        ))}
      </Checkboxes>
      <Select
        id="teamId"
        name="teamId"
        label="Team (optional)"
        hint="Care coordinators and clinicians see their team’s patients."
        defaultValue={text('teamId')}
        error={errors.teamId}
      >
        <Select.Option value="">No team</Select.Option>
        {teams.map((team) => (
          <Select.Option key={team.id} value={team.id}>
            {team.name}
          </Select.Option>
        ))}
      </Select>
      <TextInput
        id="password"
        name="password"
        type="password"
        label="Initial password (optional)"
        hint={`At least ${PASSWORD_MIN} characters. Leave empty if they will only sign in with NHS CIS2.`}
        autoComplete="new-password"
        error={errors.password}
      />
      <Button type="submit" disabled={pending} preventDoubleClick>
        Add user
      </Button>
    </form>
  );
}
