import { Form } from "react-router";
import type { UserSummary } from "../auth/user-summary";
import { formatDate } from "./components";

/** A listed user as the page receives it (dates may arrive as text). */
type UserRow = Omit<UserSummary, "createdAt"> & { createdAt: string | Date };

/** Everyone with an account, each with forms to change the role, make a password link and (de)activate. */
export function UsersTable({ users, me, roles }: { users: UserRow[]; me: number; roles: readonly string[] }) {
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">Everyone with an account</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserTableRow key={u.id} user={u} me={me} roles={roles} />
        ))}
      </tbody>
    </table>
  );
}

function UserTableRow({ user: u, me, roles }: { user: UserRow; me: number; roles: readonly string[] }) {
  return (
    <tr>
      <td>
        <strong>{u.name}</strong>
        {u.id === me ? " (you)" : ""}
        <br />
        <span className="meta">
          {u.email} · since {formatDate(u.createdAt)}
        </span>
      </td>
      <td>
        <Form method="post" className="row-form">
          <input type="hidden" name="intent" value="change-role" />
          <input type="hidden" name="userId" value={u.id} />
          <label className="visually-hidden" htmlFor={`role-${u.id}`}>
            Role of {u.name}
          </label>
          <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary" aria-label={`Change role of ${u.name}`}>
            Change
          </button>
        </Form>
      </td>
      <td>
        {!u.active
          ? "Deactivated"
          : u.invitePending
            ? "Invited, not yet joined"
            : u.resetPending
              ? "Active, password link not yet used"
              : "Active"}
        {u.active && u.invitePending ? (
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <input type="hidden" name="name" value={u.name} />
            <input type="hidden" name="email" value={u.email} />
            <input type="hidden" name="role" value={u.role} />
            <button type="submit" className="link-button" aria-label={`New link for ${u.name}`}>
              New link
            </button>
          </Form>
        ) : null}
        {u.active && !u.invitePending ? (
          <Form method="post">
            <input type="hidden" name="intent" value="reset-link" />
            <input type="hidden" name="userId" value={u.id} />
            <input type="hidden" name="email" value={u.email} />
            <button type="submit" className="link-button" aria-label={`Password link for ${u.name}`}>
              Password link
            </button>
          </Form>
        ) : null}
      </td>
      <td>
        {u.active ? (
          // Asks first (DeactivateConfirm, on this page at ?deactivate=ID); Reactivate undoes it at once.
          <Form method="get">
            <input type="hidden" name="deactivate" value={u.id} />
            <button type="submit" className="link-button danger" aria-label={`Deactivate ${u.name}`}>
              Deactivate
            </button>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <input type="hidden" name="userId" value={u.id} />
            <button type="submit" className="link-button" aria-label={`Reactivate ${u.name}`}>
              Reactivate
            </button>
          </Form>
        )}
      </td>
    </tr>
  );
}
