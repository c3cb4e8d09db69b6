import type { ReactNode } from "react";
import { Link } from "react-router";
import { pastTheEnd, withPage } from "../newsroom/page-links";

/** Previous and Next as plain links (`?page=`), so paging works without JavaScript. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  here,
  label,
  plainLinks = false,
  shown,
  last,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  here: string;
  label: string;
  /** For pages rendered without a router (the stored public pages): plain anchors. */
  plainLinks?: boolean;
  /** How many rows this page shows: none past the list's end (pastTheEnd), not a page to step back from. */
  shown: number;
  /** The list's last page, where it is counted: a link to it joins the link to the first. */
  last?: number;
}) {
  const PageLink = plainLinks ? PlainLink : Link;
  if (pastTheEnd(page, shown))
    return (
      <nav aria-label={label} className="pager">
        <p>
          There is nothing on page {page}: the list ends before it.{" "}
          <PageLink to={withPage(here, 1)} rel="first">
            Go to the first page
          </PageLink>
          {last && last > 1 ? (
            <>
              {" "}
              or{" "}
              <PageLink to={withPage(here, last)} rel="last">
                the last page (page {last})
              </PageLink>
            </>
          ) : null}
          .
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
