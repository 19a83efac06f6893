import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18n } from './i18n/I18n';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18n>
      <App />
    </I18n>
  </StrictMode>,
);
