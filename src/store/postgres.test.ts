// The store suite against a real PostgreSQL server, one fresh database per test. PARLEY_TEST_PG names the server
// (scripts/pg-test-server.sh starts a throwaway one); without it these tests are skipped, saying so.
import { openStore } from './open.js';
import { storeSuite } from './store-suite.js';
import { createTestDatabase } from './pg-test-db.js';

const url = process.env.PARLEY_TEST_PG;
const skip = url ? undefined : 'PARLEY_TEST_PG is unset: run `eval "$(scripts/pg-test-server.sh start)"` to test the PostgreSQL driver';
if (skip) process.stderr.write(`postgres.test: skipped: ${skip}\n`);

storeSuite('postgres', async () => {
  const db = await createTestDatabase(url!, 'parley_test_');
  return { store: await openStore(db.url), cleanup: db.drop };
}, { skip });
