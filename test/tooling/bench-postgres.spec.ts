import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withConnections, withTemporaryDatabase } from '../../bench/lib/postgres';

/**
 * The benchmark drops its PostgreSQL database WITH (FORCE) when it is done with it; any connection still open then is
 * terminated (57P01), and an idle pg connection reports that as an error event. So the floor's connections must be
 * closed, by the server, when withConnections returns.
 */
const POSTGRES = process.env.TEST_DATABASE_URL;

(POSTGRES ? describe : describe.skip)('bench PostgreSQL connections (TEST_DATABASE_URL)', () => {
  it('are all closed by the server when withConnections returns, so the drop terminates none', async () => {
    const admin = new Client({ connectionString: POSTGRES });
    admin.on('error', () => undefined);
    await admin.connect();
    try {
      const stillConnected = await withTemporaryDatabase(POSTGRES!, async (url) => {
        const database = new URL(url).pathname.slice(1);
        await withConnections(url, 16, 'the test', (clients) =>
          Promise.all(clients.map((client) => client.query('SELECT 1'))),
        );
        const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          database,
        ]);
        return rows[0].n as number;
      });
      expect(stillConnected).toBe(0);
    } finally {
      await admin.end();
    }
  }, 60_000);

  it('closes the connections it opened when one of them is refused', async () => {
    const role = `pr_bench_limited_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: POSTGRES });
    admin.on('error', () => undefined);
    await admin.connect();
    try {
      // A role allowed two connections (superusers have no limit): the third of three is refused by the server.
      await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 2`);
      await withTemporaryDatabase(POSTGRES!, async (url) => {
        const limited = new URL(url);
        limited.username = role;
        await expect(withConnections(limited.toString(), 3, 'the test', async () => 'ran')).rejects.toThrow(
          /too many connections/,
        );
        const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1', [
          role,
        ]);
        expect(rows[0].n).toBe(0);
      });
    } finally {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  }, 60_000);
});
