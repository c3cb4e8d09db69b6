import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Route } from "./+types/docs.api";
import { renderGuide } from "../publishing/annotate";
import { publicOrigin } from "../utils/config.server";

const GUIDE_ORIGIN = "http://localhost:3000";

export const meta: Route.MetaFunction = () => [{ title: "API · Claimdesk" }];

/** docs/api.md, the API's one description, shown in the app for the people making tokens. */
export async function loader({ request }: Route.LoaderArgs) {
  // The guide is written for a local server; readers get this server's own address.
  const source = (await readFile(path.resolve("docs/api.md"), "utf8")).replaceAll(
    GUIDE_ORIGIN,
    publicOrigin(request),
  );
  const [, title = "The Claimdesk API", body = source] = /^# (.+)\n([\s\S]*)$/.exec(source) ?? [];
  return { title, html: renderGuide(body) };
}

export default function ApiDocs({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow-wide prose">
      <h1>{loaderData.title}</h1>
      <div dangerouslySetInnerHTML={{ __html: loaderData.html }} />
    </div>
  );
}
