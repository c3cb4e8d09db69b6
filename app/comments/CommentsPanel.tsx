import { Form } from "react-router";
import { Field, FormMessage, formatDate } from "../ui/components";
import type { FormState } from "../ui/form-state";
import { SavedNotice } from "../ui/SavedNotice";
import { SubmissionToken, useSubmissionToken } from "../ui/SubmissionToken";

export interface ShownComment {
  id: number;
  author: { id: number; name: string } | null;
  html: string;
  createdAt: string;
  mentions: Array<{ id: number; name: string }>;
}

/** A claim's thread for the team: Markdown comments, @name mentions, and a form to add one. */
export function CommentsPanel({
  comments,
  canComment,
  state,
}: {
  comments: ShownComment[];
  canComment: boolean;
  state: FormState | null;
}) {
  const token = useSubmissionToken();
  const failed = state && !state.ok ? state : null;
  return (
    <section className="panel" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({comments.length})</h2>
      {comments.length === 0 ? <p className="meta">No comments yet.</p> : null}
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`}>
            <p className="meta">
              <strong>{c.author?.name ?? "A former member"}</strong>, {formatDate(c.createdAt)}
            </p>
            <div className="rationale" dangerouslySetInnerHTML={{ __html: c.html }} />
            {c.mentions.length > 0 ? (
              <p className="meta">Mentioned: {c.mentions.map((m) => m.name).join(", ")}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {/* Under the comment just added, where the page lands (#comment-…). */}
      <SavedNotice section="comments" />
      {canComment ? (
        // Keyed by its token, which is new after each comment added: the box starts empty again.
        <Form method="post" className="stack" key={token}>
          <SubmissionToken token={token} />
          <FormMessage error={failed?.error} focusOn={failed} />
          <Field
            label="Add a comment"
            name="comment-body"
            error={failed?.fields?.body}
            hint="Markdown. Write @name to bring someone in (first name, full name as @first.last, or e-mail name); the claim shows in their desk under Mentions. At most 5,000 characters."
          >
            <textarea id="comment-body" name="body" rows={3} defaultValue={failed?.values.body ?? ""} />
          </Field>
          <button type="submit" name="intent" value="comment" className="button button--secondary">
            Add comment
          </button>
        </Form>
      ) : null}
    </section>
  );
}
