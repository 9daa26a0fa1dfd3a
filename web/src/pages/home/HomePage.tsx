import { Link } from 'react-router-dom';

import { usePageTitle } from '../../components/usePageTitle';

export function HomePage() {
  usePageTitle('Home');
  return (
    <article className="page">
      <h1>Welcome to FinHelm</h1>
      <p className="lead">
        FinHelm turns your ledger into answers: cash position, statements, a 13-week cash forecast,
        runway, variance drivers and anomalies, with every number traceable to the rows behind it.
      </p>
      <section className="card" aria-labelledby="home-status">
        <h2 id="home-status">What works today</h2>
        <p>
          This is an early build. The server runs and serves this web app, but sign-in is not here
          yet, so there are no accounts, organizations, dashboards or ledger data to show. Sign-in
          comes next; the dashboard will appear on this page once you can sign in.
        </p>
        <p>
          You can already check that the server is up and ready on the{' '}
          <Link to="/health">System health</Link> page.
        </p>
      </section>
    </article>
  );
}
