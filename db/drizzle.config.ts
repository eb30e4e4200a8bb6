import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` after changing db/schema. Landed migrations are never edited: change the
// schema and generate a new one.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
