import { Form } from "react-router";
import type { Route } from "./+types/invite";
import { startSession } from "../auth/session.server";
import { acceptInvite, AcceptInviteSchema, findInvite } from "../auth/users.server";
import { domainFailure, failure, formValues, readForm } from "../utils/http.server";
import { fieldErrors } from "../newsroom/schemas";
import { Field, FormMessage } from "../ui/components";
import { redirectTo } from "../utils/document-routes";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.joining === false ? "New password · Claimdesk" : "Join Claimdesk" },
];

export async function loader({ params }: Route.LoaderArgs) {
  const invited = await findInvite(params.token ?? "");
  if (!invited)
    throw new Response("This link has expired or was already used. Ask an administrator for a new one.", {
      status: 404,
    });
  return { name: invited.name, email: invited.email, role: invited.role, joining: invited.joining };
}

export async function action({ request, params }: Route.ActionArgs) {
  const values = formValues(await readForm(request));
  const parsed = AcceptInviteSchema.safeParse(values);
  if (!parsed.success)
    return failure("join", {}, "Check the highlighted fields.", 400, { fields: fieldErrors(parsed.error) });
  try {
    const userId = await acceptInvite(params.token ?? "", parsed.data.password);
    return redirectTo("/", { headers: { "Set-Cookie": await startSession(userId, request) } });
  } catch (error) {
    return domainFailure("join", {}, error);
  }
}

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
  const fields = actionData?.fields ?? {};
  return (
    <div className="page narrow">
      {loaderData.joining ? (
        <>
          <h1>Join Claimdesk</h1>
          <p>
            Welcome, {loaderData.name}. You were invited as <strong>{loaderData.role}</strong> with the e-mail{" "}
            {loaderData.email}. Choose a password to finish.
          </p>
        </>
      ) : (
        <>
          <h1>Choose a new password</h1>
          <p>
            {loaderData.name} ({loaderData.email}): an administrator made you this link. Your new password
            replaces the old one and signs you out on every other device.
          </p>
        </>
      )}
      <FormMessage error={actionData?.error} focusOn={actionData} />
      <Form method="post" className="stack">
        <input type="hidden" name="username" autoComplete="username" value={loaderData.email} />
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
        <Field label="Password again" name="confirm" error={fields.confirm}>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
          />
        </Field>
        <button type="submit" className="button">
          Set password and sign in
        </button>
      </Form>
    </div>
  );
}
