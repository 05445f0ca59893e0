/**
 * Seeds the demo catalog into the catalog's database, opened the way the service opens it:
 * `DATABASE_URL` (Postgres) or else PGlite in `DATA_DIR` (default ./data/catalog).
 * Run: `npx tsx services/catalog/src/seed-cli.ts`. Safe to repeat: it only seeds an empty catalog.
 * Events land in the outbox and go out when the service next runs.
 */
import { migrate, openDatabase } from '@emporium/kit';
import { service } from './app.ts';
import { seedDemoCatalog } from './db/seed.ts';

const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data/catalog' });
try {
  await migrate(database, service.migrationsDir);
  const created = await seedDemoCatalog(database.db);
  console.log(created > 0 ? `Seeded ${created} products.` : 'The catalog already has products; nothing seeded.');
} finally {
  await database.close();
}
