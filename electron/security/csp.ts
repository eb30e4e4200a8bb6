/**
 * The renderer's Content-Security-Policy, sent as a response header by both Electron and browser
 * mode (a <meta> CSP cannot carry frame-ancestors). Nothing loads from outside the app.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
