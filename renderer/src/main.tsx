import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { createDefaultClient } from './api/default-client';
import { App } from './app/App';
import { ClientProvider } from './app/client-context';
import './styles.css';

// zod compiles fast paths with `new Function`, which the page's CSP forbids; use its interpreter.
z.config({ jitless: true });

const client = createDefaultClient(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <App />
    </ClientProvider>
  </StrictMode>,
);
