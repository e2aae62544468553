import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/component-library-css/dist/index.css';
import './theme/tokens.css';
import './theme/utrecht-theme.css';
import './theme/app.css';
import { App } from './App';
import { prefetchSession } from './features/auth/session';
import { loadSsoOffer } from './features/sso/api';
import { loadLanguage, storedLanguage } from './i18n/i18n';
import { preloadWorkspaceShell } from './lazyPages';

performance.mark('aantafel:script-start');
const path = window.location.pathname;
// A remembered non-default language starts loading now, alongside the session and the shell.
loadLanguage(storedLanguage()).catch(() => undefined);
prefetchSession(path === '/' || path.startsWith('/w/') ? preloadWorkspaceShell() : undefined);
// The login and invitation pages show "Inloggen met …" when the server offers single sign-on.
if (path === '/login' || path === '/invitation') void loadSsoOffer();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
