import { redirect } from "react-router";
import type { Route } from "./+types/articles.new";
import { requirePermission } from "../auth/session.server";
import { domainFailure, formValues, readForm } from "../utils/http.server";
import { oncePerSubmission } from "../db/submissions.server";
import { importFromForm } from "../newsroom/import-form.server";
import { FormMessage } from "../ui/components";
import { ImportArticleForm } from "../ui/ImportArticleForm";

export const meta: Route.MetaFunction = () => [{ title: "Import an article · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  await requirePermission(request, url, "edit");
  return null;
}

export async function action({ request, url }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "edit");
  const form = await readForm(request);
  const values = formValues(form);
  const file = form.get("file");
  try {
    return await oncePerSubmission(values, user.id, async () => {
      const { article, importedAs } = await importFromForm(
        values,
        file instanceof File && file.size > 0 ? file : null,
        user,
      );
      return redirect(`/articles/${article.id}${importedAs ? `?imported=${importedAs}` : ""}`);
    });
  } catch (error) {
    return domainFailure("import", values, error);
  }
}

export default function NewArticle({ actionData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Import an article</h1>
      <p>
        Give its web address, paste it or upload it. Claimdesk splits it into sentences and proposes the
        claims worth checking. From a web page, the title, author, outlet and date are filled in from the
        page; anything you type below wins.
      </p>
      <FormMessage error={actionData?.error} focusOn={actionData} />
      <ImportArticleForm values={actionData?.values ?? {}} fields={actionData?.fields ?? {}} />
    </div>
  );
}
