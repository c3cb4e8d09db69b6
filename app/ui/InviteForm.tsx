import { Form } from "react-router";
import { Field, FormMessage } from "./components";
import type { FormState } from "./form-state";

const ROLE_HELP: Record<string, string> = {
  viewer: "reads drafts",
  educator: "makes classroom exercises from published work",
  editor: "checks claims: evidence, verdicts, rationales",
  reviewer: "also approves others' verdicts and publishes",
  admin: "also manages users",
};

/** A password link just made, shown once: Claimdesk sends no e-mail, so an administrator passes it on. */
export interface MadeLink {
  email: string;
  link: string;
}

/** The "Invite someone" panel: the link just made, or the form refused with its fields marked. */
export function InviteForm({
  invited,
  failed,
  linkDays,
  roles,
}: {
  invited: MadeLink | null;
  failed: FormState | null;
  linkDays: number;
  roles: readonly string[];
}) {
  const errors = failed?.fields ?? {};
  return (
    <section aria-labelledby="invite-heading" className="panel narrow">
      <h2 id="invite-heading">Invite someone</h2>
      <p>
        Claimdesk sends no e-mail: you get a one-time link, valid for {linkDays} days, to pass on. They choose
        their own password there.
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
      <FormMessage error={failed?.error} focusOn={failed} />
      <Form method="post" className="stack" key={invited?.link ?? "invite"}>
        <input type="hidden" name="intent" value="invite" />
        <Field label="Name" name="name" error={errors.name}>
          <input
            id="name"
            name="name"
            required
            maxLength={100}
            defaultValue={failed ? failed.values.name : ""}
          />
        </Field>
        <Field label="E-mail" name="email" error={errors.email}>
          <input
            id="email"
            name="email"
            type="email"
            required
            defaultValue={failed ? failed.values.email : ""}
          />
        </Field>
        <Field label="Role" name="role" error={errors.role}>
          <select id="role" name="role" defaultValue={failed ? failed.values.role : "editor"}>
            {roles.map((r) => (
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
  );
}

/** A password reset link just made for someone who has a password, shown once. */
export function PasswordLinkMade({ reset, linkDays }: { reset: MadeLink; linkDays: number }) {
  return (
    <div className="message message--success" role="status">
      <p>
        Password link for {reset.email} made. Send it to them; it is shown only once and works for {linkDays}{" "}
        days. Their old password works until they use it.
      </p>
      <p>
        <code className="secret" data-testid="reset-link">
          {reset.link}
        </code>
      </p>
    </div>
  );
}
