import { createBrowserRouter, type RouteObject } from 'react-router-dom';

import { HomePage } from '../pages/home/HomePage';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { RouteErrorPage } from '../pages/error/RouteErrorPage';
import { Layout } from './Layout';
import { LoadingPage } from './LoadingPage';

// Screens beyond the landing page are loaded on demand so the initial bundle stays small.
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
            lazy: async () => {
              const { HealthPage } = await import('../pages/health/HealthPage');
              return { Component: HealthPage };
            },
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
