import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { log } from './lifecycle';

/**
 * pg reports a connection that fails while no query runs on it (the server terminating it, e.g. 57P01 when its
 * database is dropped WITH (FORCE)) as an 'error' event, and an error event nobody listens to ends the process. Every
 * client of the benchmark logs it instead; a query on the broken connection still fails with its own error.
 */
function logConnectionError(purpose: string) {
  return (error: Error & { code?: string }) =>
    log(`${purpose}: a PostgreSQL connection failed: ${error.message}${error.code ? ` [code ${error.code}]` : ''}`);
}

export async function connectClient(url: string, purpose: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  client.on('error', logConnectionError(purpose));
  await client.connect();
  return client;
}

/**
 * `count` connections for `run`, all closed when it returns. Not a pg Pool: its end() resolves once it has asked its
 * connections to close, before the server has closed them, so a database dropped WITH (FORCE) right after still
 * terminates them (57P01). A Client's end() resolves when the server has closed the connection.
 */
export async function withConnections<T>(
  url: string,
  count: number,
  purpose: string,
  run: (clients: Client[]) => Promise<T>,
): Promise<T> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => connectClient(url, purpose)));
  const clients = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    const refused = opened.find((result) => result.status === 'rejected');
    if (refused) throw refused.reason;
    return await run(clients);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
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
