import { Form, redirect } from "react-router";
import type { Route } from "./+types/setup";
import { startSession } from "../auth/session.server";
import { countUsers, createUser, NewUserSchema } from "../auth/users.server";
import { failure, formValues, readForm } from "../utils/http.server";
import { fieldErrors } from "../newsroom/schemas";
import { Field, FormMessage } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Set up Claimdesk" }];

export async function loader() {
  if ((await countUsers()) > 0) throw redirect("/login");
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  if ((await countUsers()) > 0) throw redirect("/login");
  const values = formValues(await readForm(request));
  const parsed = NewUserSchema.safeParse({ ...values, role: "admin" });
  if (!parsed.success)
    return failure("setup", values, "Check the highlighted fields.", 400, {
      fields: fieldErrors(parsed.error),
    });
  const user = await createUser(parsed.data);
  return redirect("/articles", { headers: { "Set-Cookie": await startSession(user.id, request) } });
}

export default function Setup({ actionData }: Route.ComponentProps) {
  const fields = actionData?.fields ?? {};
  return (
    <div className="page narrow">
      <h1>Set up Claimdesk</h1>
      <p>Create the first administrator. You can add editors and reviewers afterwards.</p>
      <FormMessage error={actionData?.error} focusOn={actionData} />
      <Form method="post" className="stack">
        <Field label="Your name" name="name" error={fields.name}>
          <input id="name" name="name" autoComplete="name" required defaultValue={actionData?.values.name} />
        </Field>
        <Field label="E-mail" name="email" error={fields.email}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={actionData?.values.email}
          />
        </Field>
        <Field label="Password" name="password" error={fields.password} hint="At least 10 characters.">
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
          />
        </Field>
        <button type="submit" className="button">
          Create administrator
        </button>
      </Form>
    </div>
  );
}
