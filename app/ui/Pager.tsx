import { Link } from "react-router";
import { withPage } from "../newsroom/page-links";

/** Previous and Next as plain links (`?page=`), so paging works without JavaScript. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  here,
  label,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  here: string;
  label: string;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label={label} className="pager">
      <ul className="quick-views">
        <li>
          {hasPrevious ? (
            <Link to={withPage(here, page - 1)} rel="prev">
              Previous page
            </Link>
          ) : (
            <span aria-disabled="true">Previous page</span>
          )}
        </li>
        <li>
          <span aria-current="page">Page {page}</span>
        </li>
        <li>
          {hasNext ? (
            <Link to={withPage(here, page + 1)} rel="next">
              Next page
            </Link>
          ) : (
            <span aria-disabled="true">Next page</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
