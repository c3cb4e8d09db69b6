import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/settings";
import { can } from "../auth/roles";
import { activeSessionCount, endAllSessions, requireUser } from "../auth/session.server";
import { createApiToken, listApiTokens, revokeApiToken, TokenNameSchema } from "../auth/tokens.server";
import { domainFailure, failure, formValues, parseId, readForm } from "../utils/http.server";
import { Field, FormMessage, formatDate } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Settings · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  const user = await requireUser(request, url);
  const [tokens, sessions] = await Promise.all([listApiTokens(user.id), activeSessionCount(user.id)]);
  return { user, tokens, sessions, isAdmin: can(user.role, "manage-users") };
}

export async function action({ request, url }: Route.ActionArgs) {
  const user = await requireUser(request, url);
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  try {
    switch (intent) {
      case "create-token": {
        const parsed = TokenNameSchema.safeParse(values);
        if (!parsed.success)
          return failure(intent, values, "No token was made.", 400, {
            fields: { name: parsed.error.issues[0]!.message },
          });
        const { token, summary } = await createApiToken(user.id, parsed.data.name);
        return data({ ok: true as const, intent, token, name: summary.name });
      }
      case "revoke-token":
        await revokeApiToken(user.id, parseId(values.tokenId, "token"));
        return redirect("/settings?done=revoked");
      case "sign-out-everywhere":
        return redirect("/login?signedOut=everywhere", {
          headers: { "Set-Cookie": await endAllSessions(user.id, request) },
        });
      default:
        return failure(intent, values, "That action is not known. Reload the page and try again.");
    }
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { user, tokens, sessions, isAdmin } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const made = actionData && actionData.ok ? actionData : null;
  return (
    <div className="page">
      <h1>Settings</h1>
      {isAdmin ? (
        <p>
          <Link to="/settings/users">Manage users</Link>: invite people, change roles, deactivate accounts.
        </p>
      ) : null}
      <section aria-labelledby="account-heading" className="panel">
        <h2 id="account-heading">Your account</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{user.role}</dd>
        </dl>
        <p>
          You are signed in on {sessions} {sessions === 1 ? "device or browser" : "devices or browsers"}. Lost
          a laptop or used a shared computer? Sign out everywhere: every session ends, including this one. API
          tokens are not affected; revoke them below.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button button--secondary">
            Sign out everywhere
          </button>
        </Form>
      </section>

      <section aria-labelledby="tokens-heading" className="panel">
        <h2 id="tokens-heading">API tokens</h2>
        <p>
          A personal token lets a script or another system use the <Link to="/docs/api">Claimdesk API</Link>{" "}
          with your role's rights. Send it as <code>Authorization: Bearer …</code>. Treat it like a password.
        </p>
        {made ? (
          <div className="message message--success" role="status">
            <p>Token “{made.name}” made. Copy it now: it is shown only once.</p>
            <p>
              <code className="secret" data-testid="new-token">
                {made.token}
              </code>
            </p>
          </div>
        ) : null}
        <FormMessage error={failed?.intent === "revoke-token" ? failed.error : null} focusOn={failed} />
        {tokens.length === 0 ? (
          <p>You have no API tokens.</p>
        ) : (
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : "never"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-token" />
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button type="submit" className="link-button" aria-label={`Revoke token ${t.name}`}>
                        Revoke
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="create-token" />
          <FormMessage error={failed?.intent === "create-token" ? failed.error : null} focusOn={failed} />
          <Field
            label="Token name"
            name="name"
            error={failed?.intent === "create-token" ? failed.fields?.name : undefined}
            hint="What will use it, e.g. “CMS sync”."
          >
            <input id="name" name="name" required maxLength={100} defaultValue={failed?.values.name} />
          </Field>
          <button type="submit" className="button">
            Make a token
          </button>
        </Form>
      </section>
    </div>
  );
}
