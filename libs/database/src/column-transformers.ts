import type { ValueTransformer } from 'typeorm';

/** Epoch milliseconds in a `bigint` column: PostgreSQL's driver reads bigints back as strings, SQLite's as numbers. */
export const EPOCH_MS: ValueTransformer = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** {@link EPOCH_MS} for a nullable column. */
export const NULLABLE_EPOCH_MS: ValueTransformer = {
  to: (v: number | null) => v,
  from: (v: string | number | null) => (v === null ? null : Number(v)),
};
