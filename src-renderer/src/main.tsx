import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupI18n } from './i18n';
import { isDesktopShell } from './lib/api';
import { createQueryClient } from './lib/query-client';
import { browserUiLanguage } from './lib/ui-language';
import { captureTokenFromAddress } from './lib/web-credentials';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/review.css';
import './styles/decks.css';
import './styles/browse.css';

if (!isDesktopShell()) captureTokenFromAddress();
setupI18n(browserUiLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
