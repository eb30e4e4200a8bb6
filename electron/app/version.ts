/** Shown in the status bar and written into audit details; keep in step with package.json. */
export const APP_VERSION = '0.1.0';
