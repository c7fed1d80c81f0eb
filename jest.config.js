// Two tiers by suffix (STYLE.md §14): *.spec.ts are pure unit tests; *.int-spec.ts and
// test/*.e2e-spec.ts talk to real PostgreSQL and Redis and run one file at a time.
const fs = require('node:fs');
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcConfig.exclude;
delete swcConfig.$schema;
swcConfig.jsc.baseUrl = __dirname;

const transform = { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swcConfig, swcrc: false }] };
// NestJS 12 ships ES modules only; Node 20 loads them with require(esm), Jest's own loader does not,
// so Jest compiles them to CommonJS like our sources.
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  // Global only: Jest ignores testTimeout inside a project.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      // Credentials for every request a test sends without its own (docs/security.md).
      setupFiles: ['<rootDir>/test/support/test-credentials.setup.ts'],
    },
  ],
};
