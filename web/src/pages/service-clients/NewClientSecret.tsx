import { useEffect, useRef } from 'react';

import type { ServiceClient } from '../../api/types';

/** The client id and secret of a new service client: the server never shows the secret again. */
export function NewClientSecret({ client, onDone }: { client: ServiceClient; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="notice" aria-labelledby="new-client-heading">
      <h2 id="new-client-heading" ref={heading} tabIndex={-1}>
        Copy the secret of {client.name} now
      </h2>
      <p>
        <strong>This secret is shown only once.</strong> Store it in the other system&apos;s secret
        store; FinHelm keeps only a hash of it. If it is lost, revoke the client and create a new
        one.
      </p>
      <dl>
        <dt>Client id</dt>
        <dd>
          <code className="secret" data-testid="client-id">
            {client.id}
          </code>
        </dd>
        <dt>Client secret</dt>
        <dd>
          <code className="secret" data-testid="client-secret">
            {client.secret ?? '(not returned)'}
          </code>
        </dd>
      </dl>
      <button type="button" className="button" onClick={onDone}>
        I have stored the secret
      </button>
    </section>
  );
}
