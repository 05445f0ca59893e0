import { useQuery } from '@tanstack/react-query';
import { api, body } from '../api/client.ts';
import { useSession } from './session.tsx';

/** What the signed-in user may do, as the users service says (`GET /users/permissions`); buttons follow it. */
export function usePermissions() {
  const { identity } = useSession();
  const query = useQuery({
    queryKey: ['permissions', identity?.userId],
    enabled: !!identity,
    queryFn: () => body<{ roles: string[]; permissions: string[] }>(api.GET('/api/v1/users/permissions')),
    staleTime: 5 * 60_000,
  });
  const granted = new Set(query.data?.permissions ?? []);
  return { can: (permission: string) => granted.has(permission), loaded: query.isSuccess };
}
