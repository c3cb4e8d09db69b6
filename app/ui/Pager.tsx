import type { ReactNode } from "react";
import { Link } from "react-router";
import { withPage } from "../newsroom/page-links";

/** Previous and Next as plain links (`?page=`), so paging works without JavaScript. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  here,
  label,
  plainLinks = false,
  empty = false,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  here: string;
  label: string;
  /** For pages rendered without a router (the stored public pages): plain anchors. */
  plainLinks?: boolean;
  /** Nothing on this page: past the list's end (an old link, a typed address), not a page to step back from. */
  empty?: boolean;
}) {
  const PageLink = plainLinks ? PlainLink : Link;
  if (empty && page > 1)
    return (
      <nav aria-label={label} className="pager">
        <p>
          There is nothing on page {page}: the list ends before it.{" "}
          <PageLink to={withPage(here, 1)} rel="first">
            Go to the first page
          </PageLink>
        </p>
      </nav>
    );
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label={label} className="pager">
      <ul className="quick-views">
        <li>
          {hasPrevious ? (
            <PageLink to={withPage(here, page - 1)} rel="prev">
              Previous page
            </PageLink>
          ) : (
            <span aria-disabled="true">Previous page</span>
          )}
        </li>
        <li>
          <span aria-current="page">Page {page}</span>
        </li>
        <li>
          {hasNext ? (
            <PageLink to={withPage(here, page + 1)} rel="next">
              Next page
            </PageLink>
          ) : (
            <span aria-disabled="true">Next page</span>
          )}
        </li>
      </ul>
    </nav>
  );
}

function PlainLink({ to, rel, children }: { to: string; rel: string; children: ReactNode }) {
  return (
    <a href={to} rel={rel}>
      {children}
    </a>
  );
}
