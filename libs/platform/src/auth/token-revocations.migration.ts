import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each subject's access tokens stop counting (docs/security.md): a token signed before
 * `not_before_ms` is refused. Written with the change that calls for it (a user's access changed,
 * its password reset, the user removed) and read by every process's access guard.
 */
export class TokenRevocations1764000510000 implements MigrationInterface {
  name = 'TokenRevocations1764000510000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE auth_token_revocations (
        subject text PRIMARY KEY,
        not_before_ms bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS auth_token_revocations`);
  }
}
