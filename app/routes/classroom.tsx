import { Form, redirect } from "react-router";
import type { Route } from "./+types/classroom";
import { codeProblem, normalizeCode } from "../classroom/codes";
import { FormMessage } from "../ui/components";

/** A student's page: the frame has no navigation (see SiteFrame). */
export const handle = { classroom: true };

export const meta: Route.MetaFunction = () => [{ title: "Join an exercise · Claimdesk" }];

/**
 * /x?code=ABCDE-FGHJK: students type the code their teacher gave them. Nothing is looked up
 * here: /x/CODE does the look-up, and limits the guesses from each address.
 */
export async function loader({ url }: Route.LoaderArgs) {
  const typed = url.searchParams.get("code");
  if (typed === null) return { error: null, typed: "" };
  const code = normalizeCode(typed);
  if (!code) return { error: codeProblem(typed), typed };
  throw redirect(`/x/${code}`);
}

export default function JoinExercise({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Join a classroom exercise</h1>
      <p>Type the code your teacher gave you. You will not need an account.</p>
      <FormMessage error={loaderData.error} />
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="code">Exercise code</label>
          <input
            id="code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="ABCDE-23456"
            defaultValue={loaderData.typed}
            required
          />
        </div>
        <button type="submit" className="button">
          Open the exercise
        </button>
      </Form>
    </div>
  );
}
