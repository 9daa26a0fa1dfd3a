import { useState } from 'react';

import { organizations } from '../../api/organizations';
import type { ServiceClient } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { AdminOnly } from '../../components/AdminOnly';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormAlert } from '../../components/forms/FormAlert';
import { useSubmit } from '../../components/forms/useSubmit';
import { formatUnixTime } from '../../components/time';
import { useOrganizationResource } from '../../components/useOrganizationResource';
import { useOrganization } from '../../session/OrganizationContext';
import { CreateServiceClient } from './CreateServiceClient';
import { NewClientSecret } from './NewClientSecret';
import '../../components/forms/forms.css';

export function ServiceClientsPage() {
  return (
    <AdminOnly title="Service clients">
      <ServiceClients />
    </AdminOnly>
  );
}

function ServiceClients() {
  const organization = useOrganization();
  const clients = useOrganizationResource('service-clients', organizations.serviceClients);
  const [created, setCreated] = useState<ServiceClient | null>(null);
  const revoke = useSubmit();

  return (
    <article className="page page--wide">
      <h1>Service clients</h1>
      <p className="lead">
        Credentials that let another system read or operate {organization.name} through the API
        (OAuth client credentials). Each gets only the scopes you choose.
      </p>
      {created !== null ? (
        <NewClientSecret
          client={created}
          onDone={() => {
            setCreated(null);
          }}
        />
      ) : (
        <CreateServiceClient
          organization={organization.id}
          onCreated={(client) => {
            setCreated(client);
            clients.reload();
          }}
        />
      )}
      <section aria-labelledby="clients-heading">
        <h2 id="clients-heading">Active service clients</h2>
        <FormAlert error={revoke.error ?? clients.error} />
        {clients.data === undefined ? (
          <p role="status">Loading service clients…</p>
        ) : clients.data.length === 0 ? (
          <p>No service clients.</p>
        ) : (
          <TableScroll label="Service clients">
            <table className="table" data-testid="service-clients">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Client id</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {clients.data.map((client) => (
                  <tr key={client.id}>
                    <th scope="row">{client.name}</th>
                    <td>
                      <code>{client.id}</code>
                    </td>
                    <td>{client.scopes.join(', ')}</td>
                    <td>{formatUnixTime(client.created_at)}</td>
                    <td>{formatUnixTime(client.last_used_at)}</td>
                    <td>
                      <ConfirmButton
                        label="Revoke"
                        target={client.name}
                        question={`Revoke ${client.name}? Its tokens stop working.`}
                        confirmLabel="Confirm revocation"
                        disabled={revoke.busy}
                        onConfirm={() => {
                          void revoke.run(async () => {
                            await organizations.revokeServiceClient(organization.id, client.id);
                            clients.reload();
                          });
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}
