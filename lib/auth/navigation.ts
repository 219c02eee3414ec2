// Where each role starts, and what its menu offers (pure).
import { can } from './permissions';
import type { Role } from './roles';

export interface MenuItem {
  href: string;
  label: string;
}

export function menuFor(roles: readonly Role[]): MenuItem[] {
  const items: MenuItem[] = [];
  // Issue 5: an AMHP starts at the requests for their agreement (making, extension, revocation).
  if (roles.includes('AMHP') && can(roles, 'record:amhp-agreement')) {
    items.push({ href: '/agreements', label: 'Agreements requested' });
  }
  if (can(roles, 'read:patient')) items.push({ href: '/patients', label: 'Patients' });
  if (can(roles, 'read:statistics')) items.push({ href: '/statistics', label: 'Statistics' });
  if (can(roles, 'read:audit')) items.push({ href: '/audit', label: 'Audit trail' });
  if (can(roles, 'review:break-glass')) {
    items.push({ href: '/audit/break-glass', label: 'Emergency access' });
  }
  if (can(roles, 'administer:user')) items.push({ href: '/admin/users', label: 'Users' });
  return items;
}

export function startPageFor(roles: readonly Role[]): string {
  return menuFor(roles)[0]?.href ?? '/no-access';
}
