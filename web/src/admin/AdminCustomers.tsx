import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, body } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';

interface User { id: string; email: string; name: string | null; roles: Array<'customer' | 'staff' | 'admin'>; emailVerified: boolean; createdAt: string }
const roles = ['customer', 'staff', 'admin'] as const;

/** Accounts and their role (admins only: `users:list`, `users:write:roles`). */
export function AdminCustomers() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const users = useQuery({
    queryKey: ['users', email],
    queryFn: () => body<{ items: User[]; total: number }>(api.GET('/api/v1/users', { params: { query: { limit: 50, ...(email.trim() && { email: email.trim() }) } } })),
    placeholderData: keepPreviousData,
  });
  const setRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: (typeof roles)[number] }) => body<User>(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id } }, body: { roles: [role] } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <section aria-labelledby="customers-heading">
      <div className="page-head">
        <h2 id="customers-heading">{t('admin.customers')}</h2>
        {users.data && <p className="muted">{t('admin.count', { count: users.data.total })}</p>}
      </div>
      <div className="filters"><label>{t('signIn.email')}<input type="search" value={email} onChange={(e) => setEmail(e.target.value)} /></label></div>
      {setRole.isError && <ErrorMessage error={setRole.error} />}
      {users.isPending ? <Loading /> : users.isError ? <ErrorMessage error={users.error} /> : (
        <div className="table-scroll">
          <table className="table" data-testid="customers">
            <thead><tr><th scope="col">{t('signIn.email')}</th><th scope="col">{t('auth.name')}</th><th scope="col">{t('admin.since')}</th><th scope="col">{t('admin.role')}</th></tr></thead>
            <tbody>
              {users.data.items.map((u) => {
                const role = [...roles].reverse().find((r) => u.roles.includes(r)) ?? 'customer';
                return (
                  <tr key={u.id}>
                    <td>{u.email}</td>
                    <td>{u.name ?? '—'}</td>
                    <td>{format.date(u.createdAt)}</td>
                    <td>
                      <select aria-label={t('admin.roleOf', { email: u.email })} value={role} disabled={setRole.isPending} onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value as (typeof roles)[number] })}>
                        {roles.map((r) => <option key={r} value={r}>{t(`admin.roles.${r}`)}</option>)}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
