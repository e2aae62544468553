import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/component-library-css/dist/index.css';
import './theme/tokens.css';
import './theme/utrecht-theme.css';
import './theme/app.css';
import { App } from './App';
import { prefetchSession } from './features/auth/session';
import { preloadWorkspaceShell } from './lazyPages';

performance.mark('aantafel:script-start');
const path = window.location.pathname;
prefetchSession(path === '/' || path.startsWith('/w/') ? preloadWorkspaceShell() : undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
