/**
 * A benchmark in trouble, run as its own process by bench-failure.spec.ts: it starts a real redis-server through the
 * benchmark's own helpers, prints its pid as a JSON line, then fails the way named by its argument.
 *
 *   phase-fails                  a phase's connection is refused (nested phases, so the cause is two levels down)
 *   idle-connection-dropped      a plain pg Client, idle, when its database is dropped WITH (FORCE)
 *   idle-connection-dropped-bench-client   the same with the benchmark's connectClient, which must not crash
 *   waits                        waits for a signal
 */
import { Client } from 'pg';
import { freePort } from '../../support/redis-server';
import { phase, runMain } from '../../../bench/lib/lifecycle';
import { connectClient, withTemporaryDatabase } from '../../../bench/lib/postgres';
import { startRedis } from '../../../bench/lib/service';

const mode = process.argv[2];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connection left open on a database that is then dropped WITH (FORCE): the server terminates it (57P01). */
async function idleConnectionDropped(benchClient: boolean): Promise<void> {
  let client: Client | undefined;
  await withTemporaryDatabase(process.env.TEST_DATABASE_URL!, async (url) => {
    if (benchClient) client = await connectClient(url, 'the test client');
    else {
      client = new Client({ connectionString: url });
      await client.connect();
    }
  });
  // The termination arrives as an 'error' event shortly after the drop.
  await sleep(2_000);
  await client?.end();
}

runMain(async () => {
  const redis = await startRedis();
  process.stdout.write(`${JSON.stringify({ redisPid: redis.pid })}\n`);
  if (mode === 'phase-fails') {
    const closedPort = await freePort();
    await phase('the PostgreSQL command path', () =>
      phase('the PostgreSQL floor', () =>
        connectClient(`postgres://postgres@127.0.0.1:${closedPort}/postgres`, 'the floor'),
      ),
    );
  } else if (mode === 'idle-connection-dropped') {
    await idleConnectionDropped(false);
  } else if (mode === 'idle-connection-dropped-bench-client') {
    await idleConnectionDropped(true);
  } else if (mode === 'waits') {
    await sleep(60_000);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await redis.stop();
  process.stdout.write('{"finished":true}\n');
});
