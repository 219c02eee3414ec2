'use client';
import { Checkboxes, Select, TextInput } from 'nhsuk-react-components';
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { ROLES, ROLE_LABELS } from '@/lib/auth/roles';
import type { FormState } from '@/lib/schemas/form-state';
import { PASSWORD_MIN, type createUserSchema } from '@/lib/schemas/user-admin';

export function CreateUserForm({
  action,
  teams,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  teams: { id: string; name: string }[];
}) {
  return (
    <ActionForm<InputOf<typeof createUserSchema>> action={action} rekey submitLabel="Add user">
      {(f) => (
        <>
          <TextInput {...f.text('name')} label="Full name" autoComplete="off" spellCheck={false} />
          <TextInput
            {...f.text('email')}
            label="Email address"
            type="email"
            hint="Their NHS email address. People who sign in with NHS CIS2 are matched by it."
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput {...f.text('jobTitle')} label="Job title (optional)" autoComplete="off" />
          {/* Sent as repeated `roles` fields; the summary links to the first box. */}
          <Checkboxes
            legend="Roles"
            legendProps={{ size: 's' }}
            hint="Select all that apply. Each role decides what they can see and do. A role that reads patient data or gives roles takes effect when a second system administrator approves it."
            error={f.link('roles', 'roles')}
            idPrefix="roles"
          >
            {ROLES.map((role, index) => (
              <Checkboxes.Item
                key={role}
                id={index === 0 ? 'roles' : `roles-${role.toLowerCase()}`}
                name="roles"
                value={role}
                defaultChecked={f.list('roles').includes(role)}
              >
                {ROLE_LABELS[role]}
              </Checkboxes.Item>
            ))}
          </Checkboxes>
          <Select
            {...f.select('teamId')}
            label="Team (optional)"
            hint="Care coordinators and clinicians see their team’s patients."
          >
            <Select.Option value="">No team</Select.Option>
            {teams.map((team) => (
              <Select.Option key={team.id} value={team.id}>
                {team.name}
              </Select.Option>
            ))}
          </Select>
          <TextInput
            {...f.text('password')}
            defaultValue={undefined}
            label="Initial password (optional)"
            type="password"
            hint={`At least ${PASSWORD_MIN} characters. Leave empty if they will only sign in with NHS CIS2.`}
            autoComplete="new-password"
          />
        </>
      )}
    </ActionForm>
  );
}
