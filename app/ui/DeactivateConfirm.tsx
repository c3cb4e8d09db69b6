import { Form, Link } from "react-router";
import { useFocusOnArrival } from "./focus";

export interface DeactivationPreview {
  id: number;
  name: string;
  email: string;
  sessions: number;
  tokens: number;
  /** Open claims (candidate, researching, needs review) assigned to them. */
  openClaims: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The question the Deactivate button asks first, as part of the users page (`?deactivate=ID`), so
 * it works without JavaScript: who is signed out, what stops working, what happens to the claims
 * assigned to them, and how to undo it. Its heading takes focus when it opens, so a screen reader
 * reads the question; Cancel returns to the list unchanged.
 */
export function DeactivateConfirm({ person, isMe }: { person: DeactivationPreview; isMe: boolean }) {
  const { id, name, email, sessions, tokens, openClaims } = person;
  // autoFocus places focus on a page loaded without JavaScript; the hook, after a client-side visit.
  const heading = useFocusOnArrival<HTMLHeadingElement>(id);
  // The same sentences about oneself: "Your 2 API tokens stop working", "you sign in".
  const [their, they, them] = isMe ? ["Your", "You", "you"] : ["Their", "They", "them"];
  return (
    <section className="panel confirm" aria-labelledby="confirm-deactivate-heading" id="confirm-deactivate">
      <h2 id="confirm-deactivate-heading" tabIndex={-1} autoFocus ref={heading}>
        Deactivate {name}?
      </h2>
      <ul>
        <li>
          {isMe ? "You" : name} ({email}) will be signed out at once
          {sessions > 0 ? ` (${count(sessions, "signed-in session", "signed-in sessions")})` : ""} and cannot
          sign in again until reactivated.
        </li>
        <li>
          {tokens > 0
            ? `${their} ${count(tokens, "API token stops", "API tokens stop")} working and ${tokens === 1 ? "is" : "are"} deleted.`
            : `${they} have no API tokens.`}
        </li>
        <li>
          {openClaims > 0 ? (
            <>
              {count(openClaims, "open claim stays", "open claims stay")} assigned to {them}:{" "}
              <Link to={`/desk?status=open&assignee=${id}`}>reassign them on the desk</Link>.
            </>
          ) : (
            `No open claims are assigned to ${them}.`
          )}
        </li>
        <li>
          {their} work, comments and history stay. Reactivate undoes this;{" "}
          {isMe ? "you sign in with your" : "they sign in with their"} old password.
        </li>
      </ul>
      <Form method="post" className="row-form">
        <input type="hidden" name="intent" value="deactivate" />
        <input type="hidden" name="userId" value={id} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" className="button button--danger">
          Yes, deactivate {name}
        </button>{" "}
        <Link to="/settings/users" className="button button--secondary">
          Cancel
        </Link>
      </Form>
    </section>
  );
}
