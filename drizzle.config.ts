import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema, committed, and never edited afterwards.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/server/db/schema.ts',
    './src/server/db/schema-meetings.ts',
    './src/server/db/schema-growth.ts',
    './src/server/db/schema-pulse.ts',
    './src/server/db/schema-insights.ts',
    './src/server/db/schema-trust.ts',
  ],
  out: './src/server/db/migrations',
});
