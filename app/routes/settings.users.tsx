import { useState } from "react";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/settings.users";
import { ROLES } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import {
  changeRole,
  deactivationPreview,
  INVITE_DAYS,
  InviteSchema,
  inviteUser,
  listUsers,
  passwordLinkUrl,
  passwordResetLink,
  RoleChangeSchema,
  setActive,
} from "../auth/users.server";
import { domainFailure, failure, formValues, parseId, readForm, readId } from "../utils/http.server";
import { fieldErrors } from "../newsroom/schemas";
import { FormMessage } from "../ui/components";
import { HistoryList } from "../ui/HistoryList";
import { InviteForm, PasswordLinkMade } from "../ui/InviteForm";
import { UsersTable } from "../ui/UsersTable";
import { accountHistory } from "../newsroom/history.server";
import { openClaimsAssignedTo } from "../newsroom/desk.server";
import { DeactivateConfirm } from "../ui/DeactivateConfirm";

export const meta: Route.MetaFunction = () => [{ title: "Users · Settings · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  const admin = await requirePermission(request, url, "manage-users");
  const users = await listUsers();
  const who = users.find((u) => String(u.id) === url.searchParams.get("user"));
  return {
    confirm: await confirmation(url.searchParams.get("deactivate")),
    users,
    me: admin.id,
    done: url.searchParams.get("done"),
    doneTo: who ? { name: who.name, role: who.role } : null,
    trail: await accountHistory(),
    linkDays: INVITE_DAYS,
    roles: ROLES,
  };
}

/** `?deactivate=ID`: what deactivating that person stops, for the question asked first. */
async function confirmation(asked: string | null) {
  const id = readId(asked);
  if (id === null) return null;
  const [person, openClaims] = await Promise.all([deactivationPreview(id), openClaimsAssignedTo(id)]);
  return person ? { ...person, openClaims } : null;
}

/** What was done, naming to whom when the page knows (`?user=`), else as before. */
const DONE: Record<string, (who: { name: string; role: string } | null) => string> = {
  role: (who) => (who ? `${who.name} is now ${roleWithArticle(who.role)}.` : "Role changed."),
  deactivated: (who) =>
    `${who ? `${who.name} is deactivated` : "Deactivated"}: their sessions and API tokens stopped working.`,
  reactivated: (who) =>
    `${who ? `${who.name} is reactivated` : "Reactivated"}. They sign in with their old password.`,
};

const roleWithArticle = (role: string) => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;

export async function action({ request, url }: Route.ActionArgs) {
  const admin = await requirePermission(request, url, "manage-users");
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
        return data({ ok: true as const, intent, email: parsed.data.email, link: passwordLinkUrl(token) });
      }
      case "reset-link": {
        const token = await passwordResetLink(parseId(values.userId, "user"), admin);
        return data({ ok: true as const, intent, email: values.email ?? "", link: passwordLinkUrl(token) });
      }
      case "change-role": {
        const parsed = RoleChangeSchema.safeParse(values);
        if (!parsed.success) return failure(intent, values, parsed.error.issues[0]!.message);
        const userId = parseId(values.userId, "user");
        await changeRole(userId, parsed.data.role, admin);
        return redirect(`/settings/users?done=role&user=${userId}`);
      }
      case "deactivate":
      case "reactivate": {
        const userId = parseId(values.userId, "user");
        // Deactivating is asked first (DeactivateConfirm): a form from before the question asks it.
        if (intent === "deactivate" && values.confirmed !== "yes")
          return redirect(`/settings/users?deactivate=${userId}`);
        await setActive(userId, intent === "reactivate", admin);
        return redirect(`/settings/users?done=${intent}d&user=${userId}`);
      }
      default:
        return failure(intent, values, "That action is not known. Reload the page and try again.");
    }
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { users, me, done, doneTo, trail, linkDays, roles, confirm } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const made = actionData && actionData.ok ? actionData : null;
  // Each refusal redraws the rows' menus from what is saved, not from the choice just refused.
  const [refusals, setRefusals] = useState({ last: failed, count: 0 });
  if (refusals.last !== failed) setRefusals({ last: failed, count: refusals.count + (failed ? 1 : 0) });
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/settings">Settings</Link> › Users
      </p>
      <h1>Users</h1>
      <FormMessage
        success={done && !actionData && Object.hasOwn(DONE, done) ? DONE[done]!(doneTo) : null}
        error={failed && failed.intent !== "invite" ? failed.error : null}
        focusOn={failed}
      />
      {made?.intent === "reset-link" ? <PasswordLinkMade reset={made} linkDays={linkDays} /> : null}
      {confirm && !actionData ? <DeactivateConfirm person={confirm} isMe={confirm.id === me} /> : null}
      <UsersTable users={users} me={me} roles={roles} key={refusals.count} />
      <InviteForm
        invited={made?.intent === "invite" ? made : null}
        failed={failed?.intent === "invite" ? failed : null}
        linkDays={linkDays}
        roles={roles}
      />
      <details className="panel history-panel">
        <summary>Account changes ({trail.length})</summary>
        <HistoryList entries={trail} />
      </details>
    </div>
  );
}
