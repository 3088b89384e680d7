import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs here: the client talks to PostgreSQL through @prisma/adapter-pg,
// and migrations are applied by scripts/migrate.ts (see README, "Database").
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
