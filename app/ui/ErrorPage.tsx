import type { ReactNode } from "react";
import { Link } from "react-router";

/** A page that could not be shown: what happened, why, and a way on. */
export function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page narrow">
      <title>{`${title} · Claimdesk`}</title>
      <h1>{title}</h1>
      {children}
      <p>
        {/* "/" only redirects, for readers to the stored list of fact-checks: a document load. */}
        <Link to="/" reloadDocument>
          Go to the start page
        </Link>
      </p>
    </div>
  );
}
