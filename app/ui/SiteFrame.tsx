import type { ReactNode } from "react";

export interface NavItem {
  href: string;
  label: string;
}

export const FACT_CHECKS_NAV: NavItem = { href: "/fact-checks", label: "Fact-checks" };

export const PUBLIC_NAV: NavItem[] = [FACT_CHECKS_NAV, { href: "/methodology", label: "Methodology" }];

/**
 * The header, main and footer every page shares: the app's React Router pages and the stored
 * static public pages. Plain links, so it renders the same with or without a router.
 */
export function SiteFrame({
  nav,
  account,
  children,
  classroom = false,
}: {
  nav: NavItem[];
  account: ReactNode;
  children: ReactNode;
  /**
   * A student's page: no site navigation, no account, no links at all in the frame, so nothing on
   * an exercise leads to the published fact-check (the answer key) before the student has answered.
   */
  classroom?: boolean;
}) {
  if (classroom)
    return (
      <>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header site-header--classroom">
          <div className="site-header__inner">
            <span className="brand">Claimdesk classroom</span>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Your teacher sees your display name and your answers, nothing else about you.</p>
        </footer>
      </>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a href="/" className="brand">
            Claimdesk
          </a>
          <nav aria-label="Main">
            <ul>
              {nav.map((item) => (
                <li key={item.href}>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">{account}</div>
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>
          Claimdesk: claims checked in the open. Read our <a href="/methodology">methodology</a>.
        </p>
      </footer>
    </>
  );
}
