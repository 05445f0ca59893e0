import { can, type Role } from '@emporium/contracts';

export interface Viewer {
  userId: string;
  roles: Role[];
}

export type Access = 'allowed' | 'forbidden' | 'not_found' | 'unauthenticated';

export const sameEmail = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export const isStaff = (viewer: Viewer | null) => !!viewer && can(viewer.roles, 'orders:manage');

/**
 * Who may see an order: staff, its owner, or — for a guest order — whoever knows its id and
 * email. A guest with the wrong email gets not_found, so order ids cannot be probed.
 */
export function orderAccess(order: { userId: string | null; email: string | null }, viewer: Viewer | null, guestEmail?: string): Access {
  if (isStaff(viewer)) return 'allowed';
  if (viewer && order.userId === viewer.userId) return 'allowed';
  if (order.userId === null && sameEmail(guestEmail, order.email)) return 'allowed';
  if (viewer) return 'forbidden';
  return guestEmail ? 'not_found' : 'unauthenticated';
}
