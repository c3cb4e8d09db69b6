import { Link } from "react-router";
import type { Route } from "./+types/exercises";
import { requirePermission } from "../auth/session.server";
import { publishedForExercises } from "../classroom/exercises.server";
import { listExercises } from "../classroom/teachers.server";
import { formatCode } from "../classroom/codes";
import { formatDue } from "../classroom/due";
import { pagedAnswer, readPage } from "../newsroom/paging";
import { formatDate, FormMessage } from "../ui/components";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "Classroom · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "teach");
  const [exercises, published] = await Promise.all([
    listExercises(user),
    publishedForExercises(readPage(url.searchParams)),
  ]);
  return pagedAnswer(
    {
      exercises: exercises.map((e) => ({
        id: e.id,
        title: e.title,
        code: formatCode(e.code),
        status: e.status,
        due: e.dueAt ? formatDue(e.dueAt, e.dueZone) : "",
        answers: e._count.submissions,
        article: e.article,
        createdAt: e.createdAt,
      })),
      published: {
        ...published,
        items: published.items.map(({ slug, title, number, claims }) => ({
          slug,
          title,
          number,
          claims: claims.length,
        })),
      },
      here: url.pathname + url.search,
      deleted: url.searchParams.get("done") === "exercise-deleted",
    },
    published,
  );
}

export default function Exercises({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page">
      <h1>Classroom</h1>
      <FormMessage success={loaderData.deleted ? "The exercise and its answers were deleted." : null} />
      <p>
        Turn a published fact-check into an exercise: students judge the article first, then compare their
        judgement with the fact-checkers' work. Students need no account, only the link or the code.
      </p>
      <h2>Your exercises</h2>
      {loaderData.exercises.length === 0 ? (
        <p>No exercises yet.</p>
      ) : (
        // Wider than a phone: the box scrolls, so it takes keyboard focus and names what it holds.
        <div className="table-scroll" role="region" aria-label="Your exercises" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Fact-check</th>
                <th scope="col">Code</th>
                <th scope="col">Answers</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.exercises.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/exercises/${e.id}`}>{e.title}</Link>
                    <span className="meta"> · {formatDate(e.createdAt)}</span>
                  </td>
                  <td>{e.article}</td>
                  <td>
                    <code>{e.code}</code>
                  </td>
                  <td>{e.answers}</td>
                  <td>
                    {e.status === "open" ? "Open" : "Closed"}
                    {e.due ? <span className="meta"> · due {e.due}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Make a new exercise</h2>
      <p>
        <Link to="/exercises/own" className="button button--secondary">
          From your own article
        </Link>{" "}
        <span className="meta">Paste an article and mark its claims and answers; nothing is published.</span>
      </p>
      <h3>Or from a published fact-check</h3>
      <ul className="card-list">
        {loaderData.published.items.map((p) => (
          <li key={p.slug} className="card">
            <strong>{p.title}</strong>{" "}
            <span className="meta">
              version {p.number}, {p.claims} {p.claims === 1 ? "claim" : "claims"}
            </span>{" "}
            <Link
              to={`/exercises/new?slug=${encodeURIComponent(p.slug)}`}
              className="button button--secondary"
            >
              New exercise
            </Link>
          </li>
        ))}
      </ul>
      <Pager
        page={loaderData.published.page}
        hasPrevious={loaderData.published.hasPrevious}
        hasNext={loaderData.published.hasNext}
        shown={loaderData.published.items.length}
        here={loaderData.here}
        label="Pages of published fact-checks"
      />
    </div>
  );
}
