import type { Response } from 'supertest';

/**
 * A binary answer (a workbook) as a Buffer: supertest keeps text answers (`res.text`) and JSON by itself, a binary one
 * only with `.buffer(true).parse(binary)`.
 */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
