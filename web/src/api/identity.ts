// The identity routes of docs/openapi.json (no organization in the path).
import { api } from './client';
import type {
  LoginResponse,
  Me,
  Session,
  SetupResponse,
  SetupStatus,
  TotpEnrollment,
} from './types';

export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
}

export interface SetupRequest extends RegisterRequest {
  token: string;
  organization_name: string;
  /** Queue the bundled demo company for import into the new organization. */
  load_demo_company?: boolean;
}

export interface ReauthenticateRequest {
  password: string;
  code?: string;
}

export const identity = {
  me: () => api.get<Me>('/v1/me'),
  setupStatus: () => api.get<SetupStatus>('/v1/setup'),
  setup: (body: SetupRequest) => api.post<SetupResponse>('/v1/setup', body),
  register: (body: RegisterRequest) => api.post<unknown>('/v1/auth/register', body),
  verifyEmail: (token: string) => api.post('/v1/auth/verify-email', { token }),
  login: (email: string, password: string) =>
    api.post<LoginResponse>('/v1/auth/login', { email, password }),
  mfa: (code: string) => api.post<LoginResponse>('/v1/auth/mfa', { code }),
  logout: () => api.post('/v1/auth/logout'),
  forgotPassword: (email: string) => api.post<unknown>('/v1/auth/password/forgot', { email }),
  resetPassword: (token: string, password: string) =>
    api.post('/v1/auth/password/reset', { token, password }),
  changePassword: (current_password: string, password: string) =>
    api.post('/v1/me/password', { current_password, password }),
  sessions: async () => (await api.get<{ sessions: Session[] }>('/v1/me/sessions')).sessions,
  revokeSession: (id: string) => api.delete(`/v1/me/sessions/${encodeURIComponent(id)}`),
  startTotp: () => api.post<TotpEnrollment>('/v1/me/mfa/totp'),
  confirmTotp: async (code: string) =>
    (await api.post<{ recovery_codes: string[] }>('/v1/me/mfa/totp/confirm', { code }))
      .recovery_codes,
  removeTotp: (password: string, code: string) =>
    api.delete('/v1/me/mfa/totp', { body: { password, code } }),
  reauthenticate: (body: ReauthenticateRequest) => api.post('/v1/me/reauthenticate', body),
  /** 202 whether or not the address is taken: the link goes to the new address (AUTH-8). */
  changeEmail: (email: string) => api.post<{ status: string }>('/v1/me/email', { email }),
  confirmEmail: (token: string) => api.post('/v1/auth/confirm-email', { token }),
  /** AUTH-8; 409 `last-admin` names the organizations that would be left without an admin. */
  deleteAccount: () => api.delete('/v1/me'),
  acceptInvitation: (token: string) => api.post('/v1/invitations/accept', { token }),
};
