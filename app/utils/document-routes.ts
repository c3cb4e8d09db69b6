import { redirect, redirectDocument } from "react-router";

/**
 * The addresses answered by routes without a React component (app/routes.ts): "/" and /logout,
 * which only redirect; the readers' stored pages, their formats and feed (/fact-checks…); embed
 * cards (/embed/claims/:id); the API; an exercise's CSV files. React Router can enter them only by loading
 * the document: a client-side navigation there finds nothing to render and shows an empty page
 * between the header and the footer. Plain links (<a href>) already load the document; a redirect
 * from a loader or an action, a <Link> or a <Form> must ask for it. document-routes.test.ts keeps
 * this list in step with the routes.
 */
const DOCUMENT_ONLY = [
  /^\/(?:logout)?(?:[?#]|$)/,
  /^\/fact-checks(?:[./?#]|$)/,
  /^\/embed\/claims\/[^/?#]+(?:[?#]|$)/,
  /^\/api\//,
  /^\/exercises\/[^/?#]+\/(?:results|students)\.csv(?:[?#]|$)/,
];

/** Whether the path (with its query and fragment) belongs to a route without a component. */
export const isDocumentOnly = (path: string) => DOCUMENT_ONLY.some((pattern) => pattern.test(path));

/** A redirect to `path` that also works after a client-side submission or navigation: see above. */
export const redirectTo = (path: string, init?: ResponseInit) =>
  isDocumentOnly(path) ? redirectDocument(path, init) : redirect(path, init);
