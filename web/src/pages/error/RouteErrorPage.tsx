import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';

import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';

/**
 * Shown when a route fails to render or its code fails to load (for example after an upgrade
 * replaced the hashed asset files). `embedded` means the layout is still on screen around it.
 */
export function RouteErrorPage({ embedded = false }: { embedded?: boolean }) {
  const error = useRouteError();
  usePageTitle('Something went wrong');

  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }

  const body = (
    <article className="page" role="alert">
      <h1>Something went wrong</h1>
      <p>
        This page could not be shown. If FinHelm was just upgraded, reloading the page usually fixes
        it.
      </p>
      <p>
        <a href={window.location.pathname}>Reload this page</a> or <Link to="/">go home</Link>.
      </p>
    </article>
  );
  return embedded ? body : <main className="main main--standalone">{body}</main>;
}
