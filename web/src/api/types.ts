// Shapes of the identity and organization-admin parts of docs/openapi.json, as the app uses
// them. contract.test.ts checks every path, method and request-body field named here against
// the document, so a change to the contract fails the unit tests instead of the browser.

export type Role = 'viewer' | 'accountant' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'accountant', 'admin'];

export interface Membership {
  id: number;
  name: string;
  role: Role;
}

export interface Me {
  user: {
    id: number;
    email: string;
    name: string;
    email_verified: boolean;
    /** The user has a confirmed second factor; re-authentication then needs a code too. */
    mfa_enrolled: boolean;
    /** Unix seconds. */
    password_changed_at: number;
    /** AUTH-2: the password is older than the server's reminder age. Suggest, never force. */
    password_change_recommended: boolean;
  };
  memberships: Membership[];
  csrf_token: string;
}

export interface LoginResponse {
  mfa_required?: boolean;
  csrf_token?: string;
}

export interface SetupStatus {
  setup_required: boolean;
}

export interface SetupResponse {
  organization_id: number;
  csrf_token: string;
}

export interface Session {
  id: string;
  created_at: number;
  last_seen_at: number;
  client_address: string;
  user_agent: string;
  current: boolean;
}

export interface TotpEnrollment {
  secret: string;
  otpauth_uri: string;
}

export interface Member {
  user_id: number;
  email: string;
  name: string;
  role: Role;
  joined_at: number;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  created_at: number;
  expires_at: number;
}

export type ServiceScope = 'org:read' | 'org:operate' | 'org:audit';
export const SERVICE_SCOPES: readonly ServiceScope[] = ['org:read', 'org:operate', 'org:audit'];

export interface ServiceClient {
  id: string;
  name: string;
  scopes: ServiceScope[];
  created_at: number;
  last_used_at: number | null;
  /** Only in the answer to the creation. */
  secret?: string;
}

export interface AuditEvent {
  id: number;
  occurred_at: string;
  event: string;
  actor: string;
  target: string;
  address: string;
  request_id: string;
  details: Record<string, unknown>;
}

export interface AuditEventPage {
  events: AuditEvent[];
  next_before?: number;
}
