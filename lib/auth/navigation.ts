// Where each role starts, and what its menu offers (pure).
import { can } from './permissions';
import type { Role } from './roles';

export interface MenuItem {
  href: string;
  label: string;
}

export function menuFor(roles: readonly Role[]): MenuItem[] {
  const items: MenuItem[] = [];
  if (can(roles, 'read:patient')) {
    items.push({
      href: '/patients',
      label: roles.includes('AMHP') && roles.length === 1 ? 'Agreements requested' : 'Patients',
    });
  }
  if (can(roles, 'read:audit')) items.push({ href: '/audit', label: 'Audit trail' });
  if (can(roles, 'administer:user')) items.push({ href: '/admin/users', label: 'Users' });
  return items;
}

export function startPageFor(roles: readonly Role[]): string {
  return menuFor(roles)[0]?.href ?? '/no-access';
}
