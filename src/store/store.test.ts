// The store suite against SQLite files in temporary directories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open.js';
import { storeSuite } from './store-suite.js';

storeSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  const store = await openStore(join(dir, 'test.db'));
  return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});
