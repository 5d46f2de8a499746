import { randomUUID } from 'node:crypto';
import { CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Ids are made by the application (UUID v4) rather than the database, so SQLite and PostgreSQL behave the same and
 * PostgreSQL needs no extension.
 */
export abstract class EntityBase {
  @PrimaryColumn('uuid')
  id: string = randomUUID();

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
