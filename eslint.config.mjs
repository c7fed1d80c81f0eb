import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/console/dist/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The pure core must stay pure (ARCHITECTURE.md): no framework, database, queue or file I/O.
    files: [
      'libs/{domain,matching,pricing,allocation,compliance,recognition,agents,ledger,clearing}/src/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'typeorm',
            'bullmq',
            'ioredis',
            'pg',
            'node:fs',
            'fs',
            'node:net',
            'node:child_process',
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'Inject a clock instead.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded PRNG.' },
      ],
    },
  },
);
