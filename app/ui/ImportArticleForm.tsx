import { Form } from "react-router";
import { ARTICLE_LIMIT_LABEL } from "../importing/limits";
import { Field } from "./components";
import { SubmissionToken } from "./SubmissionToken";

/** The import form: a web address, pasted text or an uploaded file, and metadata that wins over the page's own. */
export function ImportArticleForm({
  values: v,
  fields,
}: {
  values: Record<string, string>;
  fields: Record<string, string>;
}) {
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      <SubmissionToken />
      <Field
        label="Web address of the article"
        name="url"
        error={fields.url}
        hint="Claimdesk fetches the page and keeps only the article."
      >
        <input id="url" name="url" type="url" placeholder="https://" defaultValue={v.url} />
      </Field>
      <Field
        label="Title"
        name="title"
        error={fields.title}
        hint="Required unless it comes from the web page."
      >
        <input id="title" name="title" maxLength={300} defaultValue={v.title} />
      </Field>
      <div className="grid-2">
        <Field label="Outlet" name="outlet" error={fields.outlet}>
          <input id="outlet" name="outlet" defaultValue={v.outlet} />
        </Field>
        <Field label="Author" name="author" error={fields.author}>
          <input id="author" name="author" defaultValue={v.author} />
        </Field>
        <Field label="Original URL" name="sourceUrl" error={fields.sourceUrl}>
          <input
            id="sourceUrl"
            name="sourceUrl"
            type="url"
            placeholder="https://"
            defaultValue={v.sourceUrl}
          />
        </Field>
        <Field
          label="Original publication date"
          name="originalDate"
          error={fields.originalDate}
          hint="2025-08-29, 2025-08 or 2025"
        >
          <input
            id="originalDate"
            name="originalDate"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            defaultValue={v.originalDate}
          />
        </Field>
      </div>
      <fieldset className="field">
        <legend>Format of the pasted text</legend>
        <label className="inline">
          <input type="radio" name="format" value="markdown" defaultChecked={v.format !== "text"} /> Markdown
        </label>
        <label className="inline">
          <input type="radio" name="format" value="text" defaultChecked={v.format === "text"} /> Plain text
        </label>
      </fieldset>
      <Field
        label="Article text"
        name="source"
        error={fields.source}
        hint={`Up to ${ARTICLE_LIMIT_LABEL}, when not importing from a web address or a file. A web page's HTML pasted here is read as the page.`}
      >
        <textarea id="source" name="source" rows={14} defaultValue={v.source} />
      </Field>
      <Field label="Or upload a .md or .txt file, or a saved .html page" name="file" error={fields.file}>
        <input
          id="file"
          name="file"
          type="file"
          accept=".md,.markdown,.txt,.html,.htm,text/markdown,text/plain,text/html"
        />
      </Field>
      <button type="submit" className="button">
        Import and propose claims
      </button>
    </Form>
  );
}
