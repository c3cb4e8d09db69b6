import { Form } from "react-router";

/** The exercise's teachers: who made it, who co-teaches it, and a form to add one by e-mail. */
export function CoTeachers({
  owner,
  coTeachers,
  error,
}: {
  owner: string;
  coTeachers: Array<{ id: number; name: string; email: string }>;
  error?: string;
}) {
  return (
    <section className="panel no-print" aria-labelledby="teachers-heading">
      <h2 id="teachers-heading">Teachers</h2>
      <p>
        Made by {owner || "an account that no longer exists"}. Only its teachers and admins see this exercise
        and its students' answers.
      </p>
      {coTeachers.length > 0 ? (
        <ul className="teacher-list">
          {coTeachers.map((t) => (
            <li key={t.id}>
              <Form method="post" className="inline-form">
                {t.name} <span className="meta">({t.email})</span>{" "}
                <input type="hidden" name="user" value={t.id} />
                <button
                  type="submit"
                  name="intent"
                  value="remove-teacher"
                  className="button button--secondary button--small"
                  aria-label={`Remove ${t.name} as co-teacher`}
                >
                  Remove
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="inline-form">
        <div className="field">
          <label htmlFor="co-teacher">Add a co-teacher by their Claimdesk e-mail</label>
          <input
            id="co-teacher"
            name="email"
            type="email"
            maxLength={320}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "co-teacher-error" : undefined}
          />
          {error ? (
            <p className="field__error" id="co-teacher-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="add-teacher" className="button button--secondary">
          Add co-teacher
        </button>
      </Form>
    </section>
  );
}
