import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { Role } from '../../../types/api';
import { useCreateUser, useOrganisations, useUpdateUser, useUsers } from '../api/admin-api';

const ROLES: readonly Role[] = ['analyst', 'supervisor', 'data', 'admin'];

export function UsersAdmin() {
  const users = useUsers();
  const update = useUpdateUser();
  return (
    <section className="admin__section">
      <NewUserForm />
      {update.isError && <p className="signin__error" role="alert">{errorMessage(update.error)}</p>}
      {users.isError && <p className="signin__error" role="alert">{errorMessage(users.error)}</p>}
      <table className="admin__table" data-testid="users-table">
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Organisation</th>
            <th>Role</th>
            <th>State</th>
            <th>Last sign-in</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id} data-testid="user-row" data-email={u.email}>
              <td>{u.email}</td>
              <td>{u.organisationName ?? u.organisationId}</td>
              <td>
                <select value={u.role} aria-label={`role of ${u.email}`} onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}>
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? 'disabled' : u.locked ? 'locked' : 'active'}</td>
              <td>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : '—'}</td>
              <td className="admin__actions">
                <button type="button" className="btn" onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    const password = window.prompt(`New password for ${u.email} (at least 12 characters). It also unlocks the account.`);
                    if (password) update.mutate({ id: u.id, password });
                  }}
                >
                  Set password
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NewUserForm() {
  const orgs = useOrganisations();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [organisationId, setOrg] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ email, role, organisationId, password }, { onSuccess: () => (setEmail(''), setPassword('')) });
  };
  return (
    <form className="admin__form" onSubmit={submit} data-testid="new-user-form">
      <label>
        E-mail
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="new-user-email" />
      </label>
      <label>
        Organisation
        <select required value={organisationId} onChange={(e) => setOrg(e.target.value)} data-testid="new-user-org">
          <option value="">Choose…</option>
          {(orgs.data ?? []).map((o) => (
            <option key={o.uid} value={o.uid}>
              {o.name}
              {o.kind ? ` (${o.kind})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-user-role">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        Initial password
        <input type="password" autoComplete="new-password" required minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="new-user-password" />
      </label>
      <button type="submit" className="btn btn--primary" disabled={create.isPending} data-testid="new-user-submit">
        Create user
      </button>
      {create.isError && <p className="signin__error" role="alert">{errorMessage(create.error)}</p>}
      {create.isSuccess && <p role="status">Created {create.data.user.email}.</p>}
    </form>
  );
}
