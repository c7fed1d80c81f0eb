import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '../sql/rows';
import type { Checkpoint } from '../types';

const LOCK_SQL = `SELECT position::text AS position, transaction_id::text AS transaction_id
  FROM projection_checkpoints WHERE name = $1 FOR UPDATE`;

/**
 * Locks the checkpoint row until the transaction ends, creating it first if missing: one statement
 * on every batch but a projection's first.
 */
export async function lockCheckpoint(manager: EntityManager, name: string): Promise<Checkpoint> {
  let rows = await manager.query<{ position: string; transaction_id: string }[]>(LOCK_SQL, [name]);
  if (rows.length === 0) {
    await manager.query(
      `INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
    rows = await manager.query<{ position: string; transaction_id: string }[]>(LOCK_SQL, [name]);
  }
  return {
    transactionId: toSafeNumber(rows[0].transaction_id, 'transaction_id'),
    globalPosition: toSafeNumber(rows[0].position, 'position'),
  };
}

export async function saveCheckpoint(
  manager: EntityManager,
  name: string,
  checkpoint: Checkpoint,
): Promise<void> {
  await manager.query(
    `UPDATE projection_checkpoints
     SET position = $2, transaction_id = $3::text::xid8, updated_at = now() WHERE name = $1`,
    [name, checkpoint.globalPosition, String(checkpoint.transactionId)],
  );
}

export async function readCheckpoint(manager: EntityManager, name: string): Promise<Checkpoint | null> {
  const rows = await manager.query<{ position: string; transaction_id: string }[]>(
    `SELECT position::text AS position, transaction_id::text AS transaction_id
     FROM projection_checkpoints WHERE name = $1`,
    [name],
  );
  if (!rows[0]) return null;
  return {
    transactionId: toSafeNumber(rows[0].transaction_id, 'transaction_id'),
    globalPosition: toSafeNumber(rows[0].position, 'position'),
  };
}
