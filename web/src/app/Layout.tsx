import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigation } from 'react-router-dom';

import { useSession } from '../session/SessionContext';
import { AccountBar } from './AccountBar';
import { navItems } from './navigation';
import { PasswordReminder } from './PasswordReminder';
import './layout.css';

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'nav__link nav__link--active' : 'nav__link';
}

export function Layout() {
  const { pathname, hash } = useLocation();
  const navigation = useNavigation();
  const { state } = useSession();
  const orgMatch = useMatch('/orgs/:org/*');
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const me = state.status === 'signed-in' ? state.me : null;
  const org = orgMatch?.params.org === undefined ? undefined : Number(orgMatch.params.org);

  // After client-side navigation, move focus to the new page so keyboard and screen-reader users
  // start reading it from the top, as they would after a full page load; or, for a link with a
  // fragment, to the element it names, as a browser scrolls to it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const target = hash.length > 1 ? document.getElementById(hash.slice(1)) : null;
    (target ?? mainRef.current)?.focus();
  }, [pathname, hash]);

  // The reminder's button disappears with it: continue from the page's own heading.
  const focusHeading = () => {
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading === null || heading === undefined) {
      mainRef.current?.focus();
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          {/* The visible name is the accessible name (WCAG 2.5.3): no aria-label that differs. */}
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              F
            </span>
            <span className="brand__name">FinHelm</span>
          </Link>
          <nav className="nav" aria-label="Main">
            <ul className="nav__list">
              {navItems(me, org).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className={navClass}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <AccountBar />
        </div>
      </header>
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className="main"
        aria-busy={navigation.state === 'loading'}
      >
        {me !== null && <PasswordReminder me={me} onDismissed={focusHeading} />}
        <Outlet />
      </main>
      <footer className="footer">
        <p>FinHelm — self-hosted financial insight.</p>
      </footer>
    </div>
  );
}
