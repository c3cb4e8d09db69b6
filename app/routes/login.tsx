import { Form, redirect } from "react-router";
import type { Route } from "./+types/login";
import { LoginSchema, signIn } from "../auth/login.server";
import { sameOriginPath as safeNext } from "../auth/redirects";
import { getUser, startSession } from "../auth/session.server";
import { countUsers } from "../auth/users.server";
import { redirectTo } from "../utils/document-routes";
import { clientAddress, failure, formValues, readForm } from "../utils/http.server";
import { Field, FormMessage } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  if (await getUser(request)) throw redirectTo(safeNext(url.searchParams.get("next")));
  const params = url.searchParams;
  return {
    next: safeNext(params.get("next")),
    signedOutEverywhere: params.get("signedOut") === "everywhere",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = formValues(await readForm(request));
  // Never echo an oversized field back into the page.
  const shown = { email: (values.email ?? "").slice(0, 254) };
  const parsed = LoginSchema.safeParse(values);
  if (!parsed.success) return failure("login", shown, parsed.error.issues[0]!.message);
  const result = await signIn(parsed.data.email, parsed.data.password, clientAddress(context));
  if (result.outcome === "paused") {
    const message =
      result.scope === "account"
        ? "Too many failed sign-ins to this account from many addresses. Wait 15 minutes and try again, or ask an administrator for a password link."
        : "Too many failed sign-ins from your address. Wait 15 minutes and try again, or ask an administrator.";
    return failure("login", shown, message, 429);
  }
  if (result.outcome === "wrong")
    return failure("login", shown, "That e-mail and password do not match an active account.", 401);
  return redirectTo(safeNext(parsed.data.next), {
    headers: { "Set-Cookie": await startSession(result.userId, request) },
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p>
        Drafts and the workbench are for the desk. Published fact-checks are{" "}
        <a href="/fact-checks">open to everyone</a>.
      </p>
      <FormMessage
        error={actionData?.error}
        focusOn={actionData}
        success={loaderData.signedOutEverywhere && !actionData ? "You are signed out on every device." : null}
      />
      <Form method="post" className="stack">
        <input type="hidden" name="next" value={loaderData.next} />
        <Field label="E-mail" name="email">
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.values.email}
          />
        </Field>
        <Field label="Password" name="password">
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <button type="submit" className="button">
          Sign in
        </button>
      </Form>
      <p className="hint">
        Forgot your password? Ask an administrator for a password link (Settings → Manage users).
      </p>
    </div>
  );
}
