// Starts the HTTP server: opens the database, migrates, loads the demo into an empty database when
// enabled, and serves the API plus the built client (when dist/client exists).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../db/seed/demo';
import { createApp } from './app';
import { readConfig } from './config';

const config = readConfig();
const handle = openDatabase(config.databaseUrl);
const ran = await migrateToLatest(handle.db);
if (ran.length > 0) console.log(`migrated ${handle.engine} database: ${ran.join(', ')}`);

let demoLoaded = false;
if (config.demo && (await isDatabaseEmpty(handle.db))) {
  const summary = await seedDemo(handle.db, { asOf: new Date() });
  demoLoaded = true;
  console.log(
    `loaded the demo programme: ${summary.countries} countries, ${summary.municipalities} municipalities, ` +
      `${summary.projects} projects, ${summary.dataValues} values (${summary.periods.from}–${summary.periods.to})`,
  );
}

const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const hasClient = existsSync(`${clientDir}/index.html`);
const app = createApp(handle, {
  version: config.version,
  trustProxy: config.trustProxy,
  ...(config.maxImportBytes !== undefined ? { maxImportBytes: config.maxImportBytes } : {}),
  ...(hasClient ? { clientDir } : {}),
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`;
  console.log(`m4d-monitor ${config.version} on ${handle.engine} (${handle.location})`);
  console.log(
    hasClient ? `open ${url}` : `API on ${url}/api (no built client: run \`npm run build\`, or \`npm run dev\`)`,
  );
  if (config.demo) {
    console.log(`demo accounts${demoLoaded ? '' : ' (demo already loaded)'}, password "${DEMO_PASSWORD}":`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(30)} ${account.role}`);
  }
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close(() => {
    void handle.close().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
