/** DATA-6: the user's own data as one JSON file, downloaded by the browser itself. */
export function DataExportSection() {
  return (
    <section aria-labelledby="data-export-heading">
      <h2 id="data-export-heading">Your data</h2>
      <p>
        Download what FinHelm holds about you: your account, memberships, sessions, whether
        two-factor sign-in is on, and the audit events you caused. Passwords, tokens and secrets are
        never included. The organizations&apos; books are exported from their transactions page.
      </p>
      <a
        className="button button--secondary"
        href="/v1/me/export"
        download="finhelm-personal-data.json"
      >
        Download my data (JSON)
      </a>
    </section>
  );
}
