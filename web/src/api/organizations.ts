// The organization-scoped admin routes of docs/openapi.json (`/v1/orgs/{org}/...`).
import { api, queryString } from './client';
import type {
  AuditEventPage,
  Invitation,
  Member,
  Role,
  Membership,
  ServiceClient,
  OrganizationDetails,
  ServiceScope,
} from './types';

const base = (org: number) => `/v1/orgs/${String(org)}`;

export interface AuditFilter {
  event?: string;
  actor?: string;
  /** RFC 3339 UTC, inclusive. */
  since?: string;
  /** RFC 3339 UTC, exclusive. */
  until?: string;
  before?: number;
  limit?: number;
}

/** The query string of an audit-log request; empty filters are left out. */
export function auditQuery(filter: AuditFilter): string {
  return queryString(filter);
}

export const organizations = {
  /** Any member: the organization with the caller's role, its currency and locale. */
  get: (org: number) => api.get<OrganizationDetails>(base(org)),
  /** Any signed-in user; the creator becomes the new organization's admin. */
  create: (name: string) => api.post<Membership>('/v1/orgs', { name }),
  /** Admins only, with a recent password proof (AUTH-8). */
  remove: (org: number) => api.delete(base(org)),
  members: async (org: number) =>
    (await api.get<{ members: Member[] }>(`${base(org)}/members`)).members,
  changeRole: (org: number, user: number, role: Role) =>
    api.patch(`${base(org)}/members/${String(user)}`, { role }),
  removeMember: (org: number, user: number) => api.delete(`${base(org)}/members/${String(user)}`),
  invitations: async (org: number) =>
    (await api.get<{ invitations: Invitation[] }>(`${base(org)}/invitations`)).invitations,
  invite: (org: number, email: string, role: Role) =>
    api.post<Invitation>(`${base(org)}/invitations`, { email, role }),
  revokeInvitation: (org: number, id: string) =>
    api.delete(`${base(org)}/invitations/${encodeURIComponent(id)}`),
  serviceClients: async (org: number) =>
    (await api.get<{ service_clients: ServiceClient[] }>(`${base(org)}/service-clients`))
      .service_clients,
  createServiceClient: (org: number, name: string, scopes: ServiceScope[]) =>
    api.post<ServiceClient>(`${base(org)}/service-clients`, { name, scopes }),
  revokeServiceClient: (org: number, id: string) =>
    api.delete(`${base(org)}/service-clients/${encodeURIComponent(id)}`),
  auditEvents: (org: number, filter: AuditFilter) =>
    api.get<AuditEventPage>(`${base(org)}/audit-events${auditQuery(filter)}`),
};
