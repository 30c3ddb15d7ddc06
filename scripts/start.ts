// `npm start`: builds the client when it is missing or older than its sources, then starts the server
// (which migrates and loads the demo into an empty database).
import { buildClientIfStale } from './client-build';

await buildClientIfStale(console.log);
await import('../server/index');
