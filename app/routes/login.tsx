import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { getUser, startSession } from "../auth/session.server";
import { authenticate, countUsers } from "../auth/users.server";
import { clientAddress, failure, formValues, readForm } from "../http.server";
import { allow, exhausted, reset } from "../limits.server";
import { Field, FormMessage } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Claimdesk" }];

const LoginSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address."),
  password: z.string().min(1, "Enter your password."),
  next: z.string().default("/"),
});

/** Only same-site paths: never redirect a user to another site after signing in. */
function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function loader({ request }: Route.LoaderArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  if (await getUser(request)) throw redirect(safeNext(new URL(request.url).searchParams.get("next")));
  const params = new URL(request.url).searchParams;
  return { next: safeNext(params.get("next")), signedOutEverywhere: params.get("signedOut") === "everywhere" };
}

/** Failed sign-ins allowed per account and per address in 15 minutes, before a pause. */
const ACCOUNT_FAILURES = 5;
const ADDRESS_FAILURES = 20;
const WINDOW_MS = 15 * 60_000;

export async function action({ request, context }: Route.ActionArgs) {
  const values = formValues(await readForm(request));
  const parsed = LoginSchema.safeParse(values);
  if (!parsed.success) return failure("login", { email: values.email ?? "" }, parsed.error.issues[0]!.message);
  const accountKey = `login:account:${parsed.data.email.trim().toLowerCase()}`;
  const addressKey = `login:address:${clientAddress(context)}`;
  if (exhausted(accountKey, ACCOUNT_FAILURES, WINDOW_MS) || exhausted(addressKey, ADDRESS_FAILURES, WINDOW_MS)) {
    return failure("login", { email: parsed.data.email }, "Too many failed sign-ins. Wait 15 minutes and try again, or ask an administrator.", 429);
  }
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (!user) {
    allow(accountKey, ACCOUNT_FAILURES, WINDOW_MS);
    allow(addressKey, ADDRESS_FAILURES, WINDOW_MS);
    return failure("login", { email: parsed.data.email }, "That e-mail and password do not match an active account.", 401);
  }
  reset(accountKey);
  return redirect(safeNext(parsed.data.next), { headers: { "Set-Cookie": await startSession(user.id, request) } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p>Drafts and the workbench are for the desk. Published fact-checks are <a href="/fact-checks">open to everyone</a>.</p>
      <FormMessage error={actionData?.error} success={loaderData.signedOutEverywhere && !actionData ? "You are signed out on every device." : null} />
      <Form method="post" className="stack">
        <input type="hidden" name="next" value={loaderData.next} />
        <Field label="E-mail" name="email">
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={actionData?.values.email} />
        </Field>
        <Field label="Password" name="password">
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <button type="submit" className="button">Sign in</button>
      </Form>
      <p className="hint">Forgot your password? Ask an administrator for a password link (Settings → Manage users).</p>
    </div>
  );
}
