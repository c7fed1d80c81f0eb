import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TokenRevocations1764000510000 } from './token-revocations.migration';

/**
 * Users and API keys (docs/security.md "Sign-in, tokens, API keys"), shared by every service process
 * on the database. A user's id is its username. Demo users (the sandbox's) have no password hash.
 * A key keeps the principal it was made for and only a SHA-256 of its secret; revoking stamps
 * `revoked_at` and keeps the row for the audit trail.
 */
export class AuthSchema1764000050000 implements MigrationInterface {
  name = 'AuthSchema1764000050000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE auth_users (
        id text PRIMARY KEY,
        principal jsonb NOT NULL,
        password_hash text NULL,
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // No foreign key to auth_users: a key belongs to whoever signed in, and tokens minted elsewhere
    // (tests, the sandbox's seeding) carry principals that are no stored user.
    await queryRunner.query(`
      CREATE TABLE auth_api_keys (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        secret_hash bytea NOT NULL,
        principal jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX auth_api_keys_active_user_idx ON auth_api_keys (user_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS auth_api_keys`);
    await queryRunner.query(`DROP TABLE IF EXISTS auth_users`);
  }
}

/** Run by every service (`startService`) before its own migrations: every process signs users in. */
export const AUTH_MIGRATIONS = [AuthSchema1764000050000, TokenRevocations1764000510000];
