// The system administrator's forms: joiners (create), movers (roles, teams) and leavers
// (deactivate), plus reactivation and unlocking after lock-out.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

export const PASSWORD_MIN = 12;

const userId = z.uuid({ error: 'This user does not exist' });
const role = z.enum(ROLES, { error: 'Select a role from the list' });
const teamId = z.uuid({ error: 'Select a team from the list' });

/** '' from an empty form field becomes null. */
const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

export const createUserSchema = z.object({
  name: z
    .string({ error: 'Enter the person’s full name' })
    .trim()
    .min(1, 'Enter the person’s full name')
    .max(200, 'Full name must be 200 characters or fewer'),
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .min(1, 'Enter their email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .pipe(
      z.email({ error: 'Enter an email address in the correct format, like name@example.nhs.uk' }),
    )
    .transform((value) => value.toLowerCase()),
  jobTitle: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(200, 'Job title must be 200 characters or fewer')
      .nullable()
      .default(null),
  ),
  roles: z
    .array(role, { error: 'Select at least one role' })
    .min(1, 'Select at least one role')
    .transform((roles) => [...new Set(roles)]),
  teamId: z.preprocess(blankToNull, teamId.nullable().default(null)),
  // None: the person signs in only with NHS CIS2 (matched by email address on first sign-in).
  password: z.preprocess(
    blankToNull,
    z
      .string()
      .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
      .max(200, 'Password must be 200 characters or fewer')
      .nullable()
      .default(null),
  ),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userRoleSchema = z.object({ userId, role });
export type UserRoleInput = z.infer<typeof userRoleSchema>;

export const moveUserTeamSchema = z.object({ userId, teamId });
export type MoveUserTeamInput = z.infer<typeof moveUserTeamSchema>;

export const userIdSchema = z.object({ userId });
export type UserIdInput = z.infer<typeof userIdSchema>;

export const roleRequestDecisionSchema = z.object({
  requestId: z.uuid({ error: 'This request does not exist' }),
  decision: z.enum(['approve', 'refuse'], { error: 'Choose to approve or refuse' }),
});
export type RoleRequestDecisionInput = z.infer<typeof roleRequestDecisionSchema>;
