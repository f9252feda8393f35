import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { connectDesk } from './desk/connect-desk';
import { DeskProvider } from './desk/desk-context';
import { createDeskClient } from './desk/desk-client';
import { createDeskI18n } from './i18n/desk-i18n';
import './styles.css';

const i18n = createDeskI18n();
const desk = createDeskClient(connectDesk());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DeskProvider client={desk}>
        <App />
      </DeskProvider>
    </I18nextProvider>
  </StrictMode>,
);
