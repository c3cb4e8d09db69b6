import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { getUser, startSession } from "../auth/session.server";
import { authenticate, countUsers } from "../auth/users.server";
import { failure, formValues } from "../http.server";
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
  return { next: safeNext(new URL(request.url).searchParams.get("next")) };
}

export async function action({ request }: Route.ActionArgs) {
  const values = formValues(await request.formData());
  const parsed = LoginSchema.safeParse(values);
  if (!parsed.success) return failure("login", { email: values.email ?? "" }, parsed.error.issues[0]!.message);
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (!user) return failure("login", { email: parsed.data.email }, "That e-mail and password do not match an active account.", 401);
  return redirect(safeNext(parsed.data.next), { headers: { "Set-Cookie": await startSession(user.id, request) } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p>Drafts and the workbench are for the desk. Published fact-checks are <a href="/fact-checks">open to everyone</a>.</p>
      <FormMessage error={actionData?.error} />
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
    </div>
  );
}
