import { Navigate, createBrowserRouter, type RouteObject } from 'react-router-dom';

import { HomePage } from '../pages/home/HomePage';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { RouteErrorPage } from '../pages/error/RouteErrorPage';
import { RequireSession } from '../session/RequireSession';
import { Layout } from './Layout';
import { LoadingPage } from './LoadingPage';
import { OrganizationFrame } from './OrganizationFrame';

// Screens beyond the landing page are loaded on demand so the initial bundle stays small; the
// QR code library, for one, is only ever fetched with the security screen.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: LoadingPage,
    children: [
      {
        errorElement: <RouteErrorPage embedded />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'health',
            lazy: async () => ({
              Component: (await import('../pages/health/HealthPage')).HealthPage,
            }),
          },
          {
            path: 'setup',
            lazy: async () => ({ Component: (await import('../pages/setup/SetupPage')).SetupPage }),
          },
          {
            path: 'login',
            lazy: async () => ({ Component: (await import('../pages/login/LoginPage')).LoginPage }),
          },
          {
            path: 'register',
            lazy: async () => ({
              Component: (await import('../pages/register/RegisterPage')).RegisterPage,
            }),
          },
          {
            path: 'verify-email',
            lazy: async () => ({
              Component: (await import('../pages/verify-email/VerifyEmailPage')).VerifyEmailPage,
            }),
          },
          {
            path: 'confirm-email',
            lazy: async () => ({
              Component: (await import('../pages/confirm-email/ConfirmEmailPage')).ConfirmEmailPage,
            }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({
              Component: (await import('../pages/forgot-password/ForgotPasswordPage'))
                .ForgotPasswordPage,
            }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({
              Component: (await import('../pages/reset-password/ResetPasswordPage'))
                .ResetPasswordPage,
            }),
          },
          {
            path: 'invitations/accept',
            lazy: async () => ({
              Component: (await import('../pages/accept-invitation/AcceptInvitationPage'))
                .AcceptInvitationPage,
            }),
          },
          {
            path: 'account/security',
            lazy: async () => {
              const { SecurityPage } = await import('../pages/security/SecurityPage');
              return {
                element: (
                  <RequireSession>
                    <SecurityPage />
                  </RequireSession>
                ),
              };
            },
          },
          {
            path: 'orgs/:org',
            element: (
              <RequireSession>
                <OrganizationFrame />
              </RequireSession>
            ),
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../pages/organization/OrganizationPage'))
                    .OrganizationPage,
                }),
              },
              {
                path: 'accounts',
                lazy: async () => ({
                  Component: (await import('../pages/accounts/AccountsPage')).AccountsPage,
                }),
              },
              {
                path: 'transactions',
                lazy: async () => ({
                  Component: (await import('../pages/transactions/TransactionsPage'))
                    .TransactionsPage,
                }),
              },
              {
                path: 'transactions/:transaction',
                lazy: async () => ({
                  Component: (await import('../pages/transaction/TransactionPage')).TransactionPage,
                }),
              },
              { path: 'statements', element: <Navigate to="profit-and-loss" replace /> },
              {
                path: 'statements/budget',
                lazy: async () => ({
                  Component: (await import('../pages/statements/BudgetPage')).BudgetPage,
                }),
              },
              {
                path: 'statements/:statement',
                lazy: async () => ({
                  Component: (await import('../pages/statements/StatementsPage')).StatementsPage,
                }),
              },
              {
                path: 'customers',
                lazy: async () => {
                  const { CounterpartiesPage } =
                    await import('../pages/counterparties/CounterpartiesPage');
                  return { element: <CounterpartiesPage kind="customers" /> };
                },
              },
              {
                path: 'vendors',
                lazy: async () => {
                  const { CounterpartiesPage } =
                    await import('../pages/counterparties/CounterpartiesPage');
                  return { element: <CounterpartiesPage kind="vendors" /> };
                },
              },
              {
                path: 'imports',
                lazy: async () => ({
                  Component: (await import('../pages/import/ImportPage')).ImportPage,
                }),
              },
              {
                path: 'imports/:importId',
                lazy: async () => ({
                  Component: (await import('../pages/import-report/ImportReportPage'))
                    .ImportReportPage,
                }),
              },
              {
                path: 'members',
                lazy: async () => ({
                  Component: (await import('../pages/members/MembersPage')).MembersPage,
                }),
              },
              {
                path: 'invitations',
                lazy: async () => ({
                  Component: (await import('../pages/invitations/InvitationsPage')).InvitationsPage,
                }),
              },
              {
                path: 'service-clients',
                lazy: async () => ({
                  Component: (await import('../pages/service-clients/ServiceClientsPage'))
                    .ServiceClientsPage,
                }),
              },
              {
                path: 'audit',
                lazy: async () => ({
                  Component: (await import('../pages/audit-log/AuditLogPage')).AuditLogPage,
                }),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes, {
  future: {
    v7_fetcherPersist: true,
    v7_normalizeFormMethod: true,
    v7_partialHydration: true,
    v7_relativeSplatPath: true,
    v7_skipActionErrorRevalidation: true,
  },
});
