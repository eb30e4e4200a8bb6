import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dev server's hot reload needs an inline script and a websocket, which the production CSP in
 * index.html forbids. Loosen the policy for `vite serve` only; built files keep the strict one.
 */
function devOnlyRelaxedCsp(): Plugin {
  return {
    name: 'township-clinic:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://127.0.0.1:*");
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset paths: the same build is loaded from file:// by Electron and over HTTP in browser mode.
  base: './',
  plugins: [react(), tailwindcss(), devOnlyRelaxedCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
});
