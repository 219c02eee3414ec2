// Where each role starts, and what its menu offers (pure).
import { can } from './permissions';
import type { Role } from './roles';

export interface MenuItem {
  href: string;
  label: string;
}

export function menuFor(roles: readonly Role[]): MenuItem[] {
  const items: MenuItem[] = [];
  // Issue 8: `/` is the person's dashboard (the AMHP's is /agreements).
  if (hasDashboard(roles)) items.push({ href: '/', label: 'Home' });
  // Issue 5: an AMHP starts at the requests for their agreement (making, extension, revocation).
  if (roles.includes('AMHP') && can(roles, 'record:amhp-agreement')) {
    items.push({ href: '/agreements', label: 'Agreements requested' });
  }
  if (can(roles, 'read:patient')) items.push({ href: '/patients', label: 'Patients' });
  if (can(roles, 'manage:tribunal')) items.push({ href: '/tribunal', label: 'Tribunal paperwork' });
  if (can(roles, 'write:tribunal-document') && !can(roles, 'manage:tribunal')) {
    items.push({ href: '/tribunal/mine', label: 'My tribunal reports' });
  }
  if (can(roles, 'read:register')) items.push({ href: '/register', label: 'Register' });
  if (can(roles, 'read:statistics')) items.push({ href: '/statistics', label: 'Statistics' });
  if (can(roles, 'read:audit')) items.push({ href: '/audit', label: 'Audit trail' });
  if (can(roles, 'review:break-glass')) {
    items.push({ href: '/audit/break-glass', label: 'Emergency access' });
  }
  if (can(roles, 'administer:user')) items.push({ href: '/admin/users', label: 'Users' });
  if (can(roles, 'import:register')) items.push({ href: '/imports', label: 'Import register' });
  if (can(roles, 'administer:notifications'))
    items.push({ href: '/admin/notifications', label: 'Emails' });
  return items;
}

export function startPageFor(roles: readonly Role[]): string {
  return menuFor(roles)[0]?.href ?? '/no-access';
}

/** Roles whose dashboard is `/` (issue 8); the app/(app)/page.tsx check is the same. */
export function hasDashboard(roles: readonly Role[]): boolean {
  return (
    roles.includes('CARE_COORDINATOR') ||
    roles.includes('RESPONSIBLE_CLINICIAN') ||
    roles.includes('HOSPITAL_MANAGER') ||
    can(roles, 'read:work-queue')
  );
}
