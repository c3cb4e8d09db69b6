import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/settings.users";
import { ROLES } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import {
  changeRole,
  DuplicateUserError,
  InviteSchema,
  inviteUser,
  listUsers,
  passwordResetLink,
  RoleChangeSchema,
  setActive,
} from "../auth/users.server";
import { publicUrl } from "../utils/config.server";
import { domainFailure, failure, formValues, parseId, readForm } from "../utils/http.server";
import { fieldErrors } from "../newsroom/schemas";
import { Field, FormMessage, formatDate } from "../ui/components";
import { HistoryList } from "../ui/HistoryList";
import { accountHistory } from "../newsroom/history.server";

export const meta: Route.MetaFunction = () => [{ title: "Users · Settings · Claimdesk" }];

const ROLE_HELP: Record<string, string> = {
  viewer: "reads drafts",
  educator: "makes classroom exercises from published work",
  editor: "checks claims: evidence, verdicts, rationales",
  reviewer: "also approves others' verdicts and publishes",
  admin: "also manages users",
};

export async function loader({ request }: Route.LoaderArgs) {
  const admin = await requirePermission(request, "manage-users");
  return {
    users: await listUsers(),
    me: admin.id,
    done: new URL(request.url).searchParams.get("done"),
    trail: await accountHistory(),
  };
}

const DONE: Record<string, string> = {
  role: "Role changed.",
  deactivated: "Deactivated: their sessions and API tokens stopped working.",
  reactivated: "Reactivated. They sign in with their old password.",
};

export async function action({ request }: Route.ActionArgs) {
  const admin = await requirePermission(request, "manage-users");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  try {
    switch (intent) {
      case "invite": {
        const parsed = InviteSchema.safeParse(values);
        if (!parsed.success)
          return failure(intent, values, "Nobody was invited. Check the highlighted fields.", 400, {
            fields: fieldErrors(parsed.error),
          });
        const { token } = await inviteUser(parsed.data, admin);
        return data({
          ok: true as const,
          intent,
          email: parsed.data.email,
          link: `${publicUrl()}/invite/${token}`,
        });
      }
      case "reset-link": {
        const userId = parseId(values.userId, "user");
        const token = await passwordResetLink(userId, admin);
        return data({
          ok: true as const,
          intent,
          email: values.email ?? "",
          link: `${publicUrl()}/invite/${token}`,
        });
      }
      case "change-role": {
        const parsed = RoleChangeSchema.safeParse(values);
        if (!parsed.success) return failure(intent, values, parsed.error.issues[0]!.message);
        await changeRole(parseId(values.userId, "user"), parsed.data.role, admin);
        return redirect("/settings/users?done=role");
      }
      case "deactivate":
      case "reactivate":
        await setActive(parseId(values.userId, "user"), intent === "reactivate", admin);
        return redirect(`/settings/users?done=${intent}d`);
      default:
        return failure(intent, values, "That action is not known. Reload the page and try again.");
    }
  } catch (error) {
    if (error instanceof DuplicateUserError)
      return failure(intent, values, error.message, 409, { fields: { email: error.message } });
    return domainFailure(intent, values, error);
  }
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { users, me, done, trail } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const invited = actionData && actionData.ok && actionData.intent === "invite" ? actionData : null;
  const reset = actionData && actionData.ok && actionData.intent === "reset-link" ? actionData : null;
  const inviteErrors = failed?.intent === "invite" ? (failed.fields ?? {}) : {};
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/settings">Settings</Link> › Users
      </p>
      <h1>Users</h1>
      <FormMessage
        success={done && !actionData ? DONE[done] : null}
        error={failed && failed.intent !== "invite" ? failed.error : null}
      />
      {reset ? (
        <div className="message message--success" role="status">
          <p>
            Password link for {reset.email} made. Send it to them; it is shown only once and works for 7 days.
            Their old password works until they use it.
          </p>
          <p>
            <code className="secret" data-testid="reset-link">
              {reset.link}
            </code>
          </p>
        </div>
      ) : null}
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
            <tr key={u.id}>
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
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <button
                    type="submit"
                    className="button button--secondary"
                    aria-label={`Change role of ${u.name}`}
                  >
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
                <Form method="post">
                  <input type="hidden" name="intent" value={u.active ? "deactivate" : "reactivate"} />
                  <input type="hidden" name="userId" value={u.id} />
                  <button
                    type="submit"
                    className={u.active ? "link-button danger" : "link-button"}
                    aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.name}`}
                  >
                    {u.active ? "Deactivate" : "Reactivate"}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="invite-heading" className="panel narrow">
        <h2 id="invite-heading">Invite someone</h2>
        <p>
          Claimdesk sends no e-mail: you get a one-time link, valid for 7 days, to pass on. They choose their
          own password there.
        </p>
        {invited ? (
          <div className="message message--success" role="status">
            <p>Invitation for {invited.email} made. Send them this link; it is shown only once:</p>
            <p>
              <code className="secret" data-testid="invite-link">
                {invited.link}
              </code>
            </p>
          </div>
        ) : null}
        <FormMessage error={failed?.intent === "invite" ? failed.error : null} />
        <Form method="post" className="stack" key={invited?.link ?? "invite"}>
          <input type="hidden" name="intent" value="invite" />
          <Field label="Name" name="name" error={inviteErrors.name}>
            <input
              id="name"
              name="name"
              required
              maxLength={100}
              defaultValue={failed?.intent === "invite" ? failed.values.name : ""}
            />
          </Field>
          <Field label="E-mail" name="email" error={inviteErrors.email}>
            <input
              id="email"
              name="email"
              type="email"
              required
              defaultValue={failed?.intent === "invite" ? failed.values.email : ""}
            />
          </Field>
          <Field label="Role" name="role" error={inviteErrors.role}>
            <select
              id="role"
              name="role"
              defaultValue={failed?.intent === "invite" ? failed.values.role : "editor"}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}: {ROLE_HELP[r]}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button">
            Make invitation link
          </button>
        </Form>
      </section>
      <details className="panel history-panel">
        <summary>Account changes ({trail.length})</summary>
        <HistoryList entries={trail} />
      </details>
    </div>
  );
}
