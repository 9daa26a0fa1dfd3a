import { NavLink } from 'react-router-dom';

import { orgPath } from '../../components/orgPath';
import { STATEMENTS } from './layout';

const PAGES: readonly { path: string; title: string }[] = [
  ...STATEMENTS.map((statement) => ({ path: statement.kind, title: statement.title })),
  { path: 'budget', title: 'Budget vs actual' },
];

/** The three statements and the budget report, each a page of its own. */
export function StatementsNav({ organization }: { organization: number }) {
  return (
    <nav aria-label="Statements">
      <ul className="subnav__list">
        {PAGES.map((page) => (
          <li key={page.path}>
            <NavLink
              to={orgPath(organization, `statements/${page.path}`)}
              className={({ isActive }) =>
                isActive ? 'subnav__link subnav__link--active' : 'subnav__link'
              }
            >
              {page.title}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
