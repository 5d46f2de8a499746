import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { log } from './lifecycle';

/**
 * pg reports a connection that fails while no query runs on it (the server terminating it, e.g. 57P01 when its
 * database is dropped WITH (FORCE)) as an 'error' event, and an error event nobody listens to ends the process. Every
 * pool and client of the benchmark logs it instead; a query on the broken connection still fails with its own error.
 */
function logConnectionError(purpose: string) {
  return (error: Error & { code?: string }) =>
    log(`${purpose}: a PostgreSQL connection failed: ${error.message}${error.code ? ` [code ${error.code}]` : ''}`);
}

export function openPool(url: string, max: number, purpose: string): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('connect', (client) => client.on('error', logConnectionError(purpose)));
  // An idle client's error reaches the pool as well; its own listener above has logged it.
  pool.on('error', () => undefined);
  return pool;
}

export async function connectClient(url: string, purpose: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  client.on('error', logConnectionError(purpose));
  await client.connect();
  return client;
}

/**
 * A database of its own for `run`, dropped afterwards whatever happened. `run` must have ended its pools and stopped
 * the services using the database by then: the drop terminates whatever is still connected.
 */
export async function withTemporaryDatabase<T>(serverUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `pr_bench_${randomBytes(4).toString('hex')}`;
  const admin = await connectClient(serverUrl, 'the benchmark database admin');
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await run(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
