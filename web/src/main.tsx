import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';

import { router } from './app/router';
import { SessionProvider } from './session/SessionProvider';
import './styles/global.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('FinHelm: #root element is missing from index.html');
}

createRoot(container).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </SessionProvider>
  </StrictMode>,
);
